namespace SupabaseKeyAnalyzers.Tests.Infrastructure;

/// <summary>Source fragments shared by tests that build C# at run time.</summary>
public static class TestSources
{
    /// <summary>The usings every generated corpus starts with.</summary>
    public const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n";
}
