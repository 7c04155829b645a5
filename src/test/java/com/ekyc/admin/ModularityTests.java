package com.ekyc.admin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the layout of STYLE.md honest: features do not depend on each other in cycles,
 * the shared web package knows no feature, and controllers never touch repositories.
 */
class ModularityTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.ekyc.admin");

	@Test
	void featuresHaveNoCycles() {
		slices().matching("com.ekyc.admin.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void sharedWebPackageKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("com.ekyc.admin.web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.ekyc.admin.session..", "com.ekyc.admin.callback..", "com.ekyc.admin.security..")
			.check(this.classes);
	}

	@Test
	void controllersDoNotUseRepositories() {
		noClasses().that()
			.resideInAPackage("..web..")
			.should()
			.dependOnClassesThat()
			.haveSimpleNameEndingWith("Repository")
			.check(this.classes);
	}

	@Test
	void sessionsDoNotDependOnCallbacks() {
		noClasses().that()
			.resideInAPackage("com.ekyc.admin.session..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.ekyc.admin.callback..")
			.check(this.classes);
	}

}
