package com.yarnnn.export.edge.security;

import java.util.UUID;

/** The authenticated caller: the bearer token's subject. A controller parameter of this type is filled in. */
public record UserId(UUID value) {
}
