package com.yarnnn.export.edge.connection;

import com.yarnnn.export.connector.connection.Destination;

/** A destination as the API lists it: {@code type} is the design's name of {@code kind}, both answered. */
record ListedDestination(String id, String name, String type, String kind) {

    static ListedDestination of(Destination destination) {
        return new ListedDestination(destination.id(), destination.name(), destination.kind(), destination.kind());
    }
}
