package com.yarnnn.export.gmailmcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells when stdin ends: the client closed it, so the server must exit (the SDK's transport only stops reading). */
final class EofSignallingInputStream extends FilterInputStream {

    private final Runnable onEof;

    EofSignallingInputStream(InputStream in, Runnable onEof) {
        super(in);
        this.onEof = onEof;
    }

    @Override
    public int read() throws IOException {
        return signalled(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return signalled(super.read(buffer, offset, length));
    }

    private int signalled(int result) {
        if (result < 0) {
            onEof.run();
        }
        return result;
    }
}
