// rolloutkit's public API, imported for JShell: ./rolloutkit jshell loads this at start.
import dev.rolloutkit.stack.*;
import dev.rolloutkit.profile.*;
import dev.rolloutkit.analysis.*;
import dev.rolloutkit.scaling.*;
import dev.rolloutkit.traffic.*;
import dev.rolloutkit.istio.*;
import dev.rolloutkit.rules.*;
import dev.rolloutkit.lint.*;
import dev.rolloutkit.manifest.*;
import dev.rolloutkit.simulation.*;
import static dev.rolloutkit.profile.CanaryStep.*;
import static dev.rolloutkit.assertj.RolloutKitAssertions.assertThat;
import io.fabric8.kubernetes.api.model.*;
import java.time.Duration;
import java.nio.file.*;
