// ADR-008: three ML services behind NGINX Ingress, sharing canary-health-check and bluegreen-validation.
var portfolio = StackSet.of(
    CanaryStack.ml("bankchurn-predictor").namespace("ml-portfolio").image("ghcr.io/acme/bankchurn:3.2.0").addGate(AnalysisGate.bluegreenValidation()).build(),
    CanaryStack.ml("chicagotaxi-predictor").namespace("ml-portfolio").image("ghcr.io/acme/chicagotaxi:3.2.0").addGate(AnalysisGate.bluegreenValidation()).build(),
    CanaryStack.nlp("nlpinsight-analyzer").namespace("ml-portfolio").image("ghcr.io/acme/nlpinsight:3.2.0").addGate(AnalysisGate.bluegreenValidation()).build());
portfolio.stacks().forEach(System.out::println);
portfolio.resources().forEach(r -> System.out.println(r.getKind() + "/" + r.getMetadata().getName()));
System.out.println(AnalysisGate.canaryHealthCheck());
/exit
