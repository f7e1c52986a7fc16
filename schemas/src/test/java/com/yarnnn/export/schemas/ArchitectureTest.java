package com.yarnnn.export.schemas;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The event contract's package boundaries (issue 14): no package of the module depends on itself in a circle. */
@AnalyzeClasses(packages = "com.yarnnn.export.schemas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package its own slice, the root package ({@code Topics}, {@code EventJson}) included. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.yarnnn.export.(**)")
            .should().beFreeOfCycles();
}
