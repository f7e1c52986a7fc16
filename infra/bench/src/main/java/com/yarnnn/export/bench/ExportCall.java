package com.yarnnn.export.bench;

/** One export request to send: as whom (a bearer token), to which provider and destination. */
record ExportCall(String token, String provider, String destination) {
}
