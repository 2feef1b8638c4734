using System.Reflection;
foreach (var (name, filter) in new[]{("Microsoft.Azure.Functions.Worker.Extensions.Timer","Timer"),("Microsoft.DurableTask.Client","StartOrchestrationOptions"),("Microsoft.DurableTask.Client","OrchestrationMetadata"),("Microsoft.DurableTask.Abstractions","TaskFailureDetails"),("Microsoft.DurableTask.Abstractions","RetryPolicy"),("Microsoft.DurableTask.Abstractions","SubOrchestrationOptions"), ("Microsoft.DurableTask.Client","StartOrchestrationOptionsExtensions"), ("Microsoft.DurableTask.Worker","DurableTaskWorkerOptions"), ("Microsoft.DurableTask.Client.Grpc","GrpcDurableTaskClientOptions"),("Microsoft.DurableTask.Worker.Grpc","GrpcDurableTaskWorkerOptions")}) {
  var asm = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, name + ".dll"));
  foreach (var t in asm.GetExportedTypes().Where(t => t.Name.Contains(filter))) {
    Console.WriteLine("TYPE " + t.FullName);
    foreach (var m in t.GetMembers(BindingFlags.Public|BindingFlags.Instance|BindingFlags.Static|BindingFlags.DeclaredOnly))
      if (!m.Name.StartsWith("get_") && !m.Name.StartsWith("set_")) Console.WriteLine("   " + m.MemberType + " " + m);
  }
}
