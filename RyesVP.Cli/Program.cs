using System.Reflection;
foreach (var name in new[]{"Microsoft.DurableTask.InProcessTestHost"}) {
  var asm = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, name + ".dll"));
  foreach (var t in asm.GetExportedTypes()) {
    Console.WriteLine("TYPE " + t.FullName);
    foreach (var m in t.GetMembers(BindingFlags.Public|BindingFlags.Instance|BindingFlags.Static|BindingFlags.DeclaredOnly))
      Console.WriteLine("   " + m.MemberType + " " + m);
  }
}
