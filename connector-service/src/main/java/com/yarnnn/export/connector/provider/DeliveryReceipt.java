package com.yarnnn.export.connector.provider;

/** Where the provider put the deliverable: its id there and, where it has one, a link a person can open. */
public record DeliveryReceipt(String externalId, String externalUrl) {
}
