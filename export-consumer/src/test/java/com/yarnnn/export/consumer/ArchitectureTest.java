package com.yarnnn.export.consumer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import com.yarnnn.export.connector.testing.ConnectorApi;
import com.yarnnn.export.connector.testing.PackageCycles;

/** export-consumer's package boundaries (issue 14), checked on its main classes. */
@AnalyzeClasses(packages = "com.yarnnn.export.consumer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** {@code delivery}, {@code kafka}, {@code breaker}, {@code budget}, … and the root package form no circle. */
    @ArchTest
    static final ArchTests packageCycles = ArchTests.in(PackageCycles.class);

    /** Like api-edge, the consumer uses connector-service only through its API packages ({@link ConnectorApi}). */
    @ArchTest
    static final ArchRule connectorOnlyThroughItsApi =
            ConnectorApi.onlyThroughItsApi("com.yarnnn.export.consumer..");
}
