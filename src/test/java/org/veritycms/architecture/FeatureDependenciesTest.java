package org.veritycms.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Features depend one way: shared and theme at the bottom, then account, then page, then the
 * features built on pages, then moderation, and site and admin on top; no cycles anywhere.
 */
class FeatureDependenciesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.veritycms");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.veritycms.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featuresDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("shared").definedBy("org.veritycms.shared..")
                .layer("theme").definedBy("org.veritycms.theme..")
                .layer("scheduling").definedBy("org.veritycms.scheduling..")
                .layer("notification").definedBy("org.veritycms.notification..")
                .layer("audit").definedBy("org.veritycms.audit..")
                .layer("account").definedBy("org.veritycms.account..")
                .layer("page").definedBy("org.veritycms.page..")
                .layer("content").definedBy("org.veritycms.content..")
                .layer("features").definedBy("org.veritycms.review..", "org.veritycms.rating..", "org.veritycms.comment..",
                        "org.veritycms.search..", "org.veritycms.discovery..", "org.veritycms.subscription..",
                        "org.veritycms.editorial..", "org.veritycms.media..")
                .layer("moderation").definedBy("org.veritycms.moderation..")
                .layer("web").definedBy("org.veritycms.site..", "org.veritycms.admin..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("moderation").mayOnlyBeAccessedByLayers("web")
                .whereLayer("features").mayOnlyBeAccessedByLayers("features", "moderation", "web")
                .whereLayer("content").mayOnlyBeAccessedByLayers("web", "features", "moderation")
                .whereLayer("page").mayOnlyBeAccessedByLayers("content", "features", "moderation", "web")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("account", "page", "content", "features", "moderation", "web")
                .whereLayer("account").mayOnlyBeAccessedByLayers("notification", "page", "content", "features", "moderation", "web")
                .whereLayer("scheduling").mayOnlyBeAccessedByLayers("notification", "page", "content", "features", "moderation", "web")
                .whereLayer("notification").mayOnlyBeAccessedByLayers("features", "moderation", "web")
                .whereLayer("theme").mayOnlyBeAccessedByLayers("account", "page", "content", "features", "moderation", "web")
                .check(classes);
    }
}
