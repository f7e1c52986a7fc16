package com.yarnnn.export.connector.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No package of a module depends on itself in a circle. A module's ArchitectureTest includes these rules
 * ({@code ArchTests.in(PackageCycles.class)}) over its own classes, {@code com.yarnnn.export.<module>..}.
 */
public final class PackageCycles {

    /** The module's parts ({@code connector.connection}, {@code edge.status}, {@code consumer.delivery}, …). */
    @ArchTest
    public static final ArchRule noCyclesBetweenParts = slices().matching("com.yarnnn.export.*.(*)..")
            .should().beFreeOfCycles();

    /** Every package its own slice: the module's root package and nested ones ({@code provider.slack}) included. */
    @ArchTest
    public static final ArchRule noPackageCycles = slices().matching("com.yarnnn.export.(**)")
            .should().beFreeOfCycles();

    private PackageCycles() {
    }
}
