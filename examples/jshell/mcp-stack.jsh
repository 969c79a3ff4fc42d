// The MCP server stack of the article, corrected: Istio subsets, gate mcp-success-rate, KEDA idle 0 / min 2.
CanaryStack.mcp("mcp-server").namespace("ai-services").image("ghcr.io/acme/mcp-server:1.4.0").build().toYaml()
var stack = CanaryStack.mcp("mcp-server").namespace("ai-services").image("ghcr.io/acme/mcp-server:1.4.0").build();
System.out.println(stack);
System.out.println(CanaryProfile.mcp().withPause(Duration.ofMinutes(5)));
System.out.print(stack.toYaml());
/exit
