// Render a stack to a folder, break one manifest, and lint the folder: findings carry rule, path and file:line.
var dir = Files.createTempDirectory("rolloutkit-lint");
CanaryStack.mcp("mcp-server").namespace("ai-services").image("ghcr.io/acme/mcp-server:1.4.0").build().writeTo(dir);
var vs = dir.resolve("03-virtualservice-mcp-server-vsvc.yaml");
Files.writeString(vs, Files.readString(vs).replace("subset: canary", "subset: canry").replace("weight: 0", "wieght: 0"));
var result = Lint.files(dir);
result.findings().forEach(f -> System.out.println(f.toString().replace(dir.toString(), "DIR")));
System.out.println(result.files() + " files, " + result.resources() + " resources, errors: " + result.hasErrors());
/exit
