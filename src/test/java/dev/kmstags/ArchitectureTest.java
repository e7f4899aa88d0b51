package dev.kmstags;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.util.Arrays;
import java.util.Set;

/** The one-way dependencies of the layout in docs/architecture.md, checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.kmstags", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNeitherJavaFxNorTheSdk = noClasses()
            .that().resideInAPackage("dev.kmstags.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "software.amazon..")
            .because("the domain is shared by the UI, the kms code and the bundled backend");

    @ArchTest
    static final ArchRule bundledBackendHasNoUi = noClasses()
            .that().resideInAPackage("dev.kmstags.local..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the backend also runs alone, as `serve`, without a display");

    @ArchTest
    static final ArchRule uiDoesNotCallTheSdk = noClasses()
            .that().resideInAPackage("dev.kmstags.ui..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .because("only the kms package calls KmsClient; the UI sees domain types and sentences");

    @ArchTest
    static final ArchRule onlyKmsAndTheBackendUseTheSdk = noClasses()
            .that().resideOutsideOfPackages("dev.kmstags.kms..", "dev.kmstags.local..", "dev.kmstags.profiles..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .because("one package owns the client, its paging and its error mapping");

    @ArchTest
    static final ArchRule profilesOnlyReadTheSdksFilesAndRegionMetadata = noClasses()
            .that().resideInAPackage("dev.kmstags.profiles..")
            .should().dependOnClassesThat(resideInAPackage("software.amazon..")
                    .and(not(resideInAnyPackage("software.amazon.awssdk.profiles..",
                            "software.amazon.awssdk.regions.."))))
            .because("profiles reads the AWS files and region metadata; every call to AWS lives in kms");

    @ArchTest
    static final ArchRule profilesKnowNoJavaFx = noClasses()
            .that().resideInAPackage("dev.kmstags.profiles..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the connection a user picked is plain data that kms turns into a client");

    @ArchTest
    static final ArchRule domainDependsOnNothingOfOurs = ourClassesIn("domain")
            .should().onlyDependOnClassesThat(areOursOnlyIn("domain"))
            .because("the domain is the base that the UI, the kms code and the bundled backend share");

    @ArchTest
    static final ArchRule profilesDependOnlyOnTheDomain = ourClassesIn("profiles")
            .should().onlyDependOnClassesThat(areOursOnlyIn("profiles", "domain"))
            .because("the connection a user picked is plain data that kms turns into a client");

    @ArchTest
    static final ArchRule kmsDependsOnlyOnProfilesAndTheDomain = ourClassesIn("kms")
            .should().onlyDependOnClassesThat(areOursOnlyIn("kms", "profiles", "domain"))
            .because("kms serves the UI and knows nothing of it, nor of the backend it may talk to over HTTP");

    @ArchTest
    static final ArchRule inventoryDependsOnlyOnTheDomain = ourClassesIn("inventory")
            .should().onlyDependOnClassesThat(areOursOnlyIn("inventory", "domain"))
            .because("export and import are file formats over the domain, shared by the UI and the command line");

    @ArchTest
    static final ArchRule inventoryNeedsNoJavaFxNorAws = noClasses()
            .that().resideInAPackage("dev.kmstags.inventory..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "software.amazon..")
            .because("the command line reads and writes inventories without JavaFX");

    @ArchTest
    static final ArchRule commandLineNeedsNoJavaFx = ourClassesIn("cli")
            .should().onlyDependOnClassesThat(areOursOnlyIn("cli", "inventory", "kms", "profiles", "local", "domain"))
            .andShould().onlyDependOnClassesThat(resideOutsideOfPackage("javafx.."))
            .because("`tags export` and `tags plan` run in scripts and CI, where there is no JavaFX");

    @ArchTest
    static final ArchRule bundledBackendDependsOnlyOnTheDomain = ourClassesIn("local")
            .should().onlyDependOnClassesThat(areOursOnlyIn("local", "domain"))
            .because("the backend also runs alone, as `serve`, and shares only the tag rules with the app");

    @ArchTest
    static final ArchRule uiDoesNotDependOnTheCompositionRoot = noClasses()
            .that().resideInAPackage("dev.kmstags.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.kmstags.app..")
            .orShould().dependOnClassesThat().resideInAPackage("dev.kmstags")
            .because("app and the Launcher build the UI; the UI is handed what it needs");

    @ArchTest
    static final ArchRule viewModelsNeedNoSceneGraph = noClasses()
            .that().resideInAPackage("dev.kmstags.ui..").and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "javafx.application..")
            .because("ViewModel tests run without a JavaFX toolkit");

    @ArchTest
    static final ArchRule uiDoesNotReachIntoTheBackend = noClasses()
            .that().resideInAPackage("dev.kmstags.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.kmstags.local..")
            .because("the backend is started by the composition root and reached only over HTTP");

    /** The panels of the main window; {@code ui.main} composes them, and may know them all. */
    private static final Set<String> PANELS = Set.of("keylist", "keydetails", "tageditor", "bulk", "connection",
            "main");

    @ArchTest
    static final ArchRule panelsShareTheAppStateNotEachOther = slices()
            .matching("dev.kmstags.ui.(*)..").namingSlices("ui.$1")
            .that(DescribedPredicate.describe("are panels of the main window",
                    slice -> PANELS.contains(slice.getNamePart(1))))
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("dev.kmstags.ui.main.."), DescribedPredicate.alwaysTrue())
            .because("panels and their view models read what they share (the connection, the selected keys, the "
                    + "leave guards) from ui.common.AppState, not from each other; only ui.main puts them together");

    @ArchTest
    static final ArchRule uiFeaturePackagesAreFreeOfCycles = slices()
            .matching("dev.kmstags.ui.(*)..")
            .should().beFreeOfCycles()
            .because("a feature package can then change, move or be left out without pulling the others along");

    @ArchTest
    static final ArchRule sharedUiCodeKnowsNoFeature = ourClassesIn("ui.common")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.kmstags.ui..")
                    .or(resideInAPackage("dev.kmstags.ui.common..")))
            .because("every feature uses ui.common; the composition root tells it which dialog shows which model");

    @ArchTest
    static final ArchRule viewModelsLiveInUi = classes()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().resideInAPackage("dev.kmstags.ui..");

    private static GivenClassesConjunction ourClassesIn(String layer) {
        return classes().that().resideInAPackage("dev.kmstags." + layer + "..");
    }

    /** Classes that are not ours at all (the JDK, libraries), or ours in one of the given layers. */
    private static DescribedPredicate<JavaClass> areOursOnlyIn(String... layers) {
        String[] packages = Arrays.stream(layers).map(layer -> "dev.kmstags." + layer + "..").toArray(String[]::new);
        return resideOutsideOfPackage("dev.kmstags..").or(resideInAnyPackage(packages))
                .as("are outside dev.kmstags or in " + String.join(", ", layers));
    }
}
