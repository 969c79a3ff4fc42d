package dev.rolloutkit.cli;

import dev.rolloutkit.scaling.KedaScaling;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.traffic.Port;
import dev.rolloutkit.traffic.TrafficRouter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rolloutkit render <profile> --name N --namespace NS --image IMG [--traffic …] [--keda|--no-keda] [-o DIR]}. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
        "Print the canary stack of a profile as multi-document YAML, in apply order, or write it to a folder with a"
            + " kustomization.yaml.",
        "Profiles: mcp (10/30/60/100 %%, gate mcp-success-rate, KEDA, Istio), ml (20/50/100 %%, gate canary-health-check,"
            + " NGINX), nlp (10/40/100 %%, longer pauses, NGINX)."})
final class RenderCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROFILE", description = "mcp, ml or nlp")
  String profile;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "the application's name (the Rollout's name)")
  String name;

  @Option(names = "--namespace", required = true, paramLabel = "NS", description = "the namespace of every object")
  String namespace;

  @Option(names = "--image", required = true, paramLabel = "IMG", description = "the container image")
  String image;

  @Option(names = "--traffic", paramLabel = "ROUTER",
      description = "istio, nginx or none (default: istio for mcp, nginx for ml and nlp)")
  String traffic;

  @Option(names = "--keda", negatable = true,
      description = "autoscale the Rollout with KEDA (default: on for mcp, off for ml and nlp)")
  Boolean keda;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "the container port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "write one file per object and a kustomization.yaml to DIR")
  Path output;

  @Override
  public Integer call() {
    if (!List.of("mcp", "ml", "nlp").contains(profile)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown profile '" + profile + "': expected one of mcp, ml, nlp");
    }
    CanaryStack.Builder builder = CanaryStack.preset(profile, name).namespace(namespace).image(image);
    if (traffic != null) {
      builder.traffic(TrafficRouter.named(traffic));
    }
    if (keda != null) {
      builder.scaling(keda ? Optional.of(profile.equals("mcp") ? KedaScaling.mcp() : KedaScaling.http()) : Optional.empty());
    }
    if (port != 8080) {
      builder.ports(List.of(Port.http(port)));
    }
    CanaryStack stack = builder.build();
    if (output == null) {
      spec.commandLine().getOut().print(stack.toYaml());
    } else {
      for (Path file : stack.writeTo(output)) {
        spec.commandLine().getOut().println(file);
      }
    }
    return 0;
  }
}
