using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrivacyAnalyzers.Tests.Infrastructure;

namespace PrivacyAnalyzers.Tests.Robustness;

/// <summary>
/// Every C# snippet the rule tests analyze, read from the test sources with Roslyn (string literals, and
/// concatenations of literals and string constants such as <c>Usings + """..."""</c>), with the test markup
/// stripped, plus the sample app's files. New rule tests are picked up without edits.
/// </summary>
internal static partial class SnippetCollector
{
    public sealed record Snippet(string Origin, string Text);

    public static IReadOnlyList<Snippet> Collect()
    {
        var snippets = new List<Snippet>();
        var tests = Path.Combine(RepositoryPaths.Root, "tests", "PrivacyAnalyzers.Tests");
        foreach (var file in SourceFiles(tests).Where(f => f.EndsWith("Tests.cs", StringComparison.Ordinal)))
        {
            var origin = Path.GetRelativePath(RepositoryPaths.Root, file);
            snippets.AddRange(FromTestSource(File.ReadAllText(file)).Select((text, i) => new Snippet($"{origin} #{i}", text)));
        }

        foreach (var file in SourceFiles(Path.Combine(RepositoryPaths.Root, "samples")))
        {
            snippets.Add(new Snippet(Path.GetRelativePath(RepositoryPaths.Root, file), File.ReadAllText(file)));
        }

        return snippets.GroupBy(s => s.Text, StringComparer.Ordinal).Select(g => g.First()).ToList();
    }

    /// <summary>The global usings the Web SDK adds (ImplicitUsings), which the sample's files rely on.</summary>
    public const string WebImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    /// <summary>Source files under a folder, without build output.</summary>
    public static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>Removes <c>{|#0:</c>, <c>{|PRIV040:</c>, <c>|}</c>, <c>[|</c> and <c>|]</c>.</summary>
    public static string StripMarkup(string text) => Markup().Replace(text, string.Empty);

    internal static IEnumerable<string> FromTestSource(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var constants = StringConstants(root);
        foreach (var expression in root.DescendantNodes().OfType<ExpressionSyntax>())
        {
            // Only the outermost of a concatenation.
            if (expression.Parent is BinaryExpressionSyntax parent && parent.IsKind(SyntaxKind.AddExpression) && Evaluate(parent, constants) is not null)
            {
                continue;
            }

            if (Evaluate(expression, constants) is { } text && IsCompilationUnitWithMembers(StripMarkup(text), out var code))
            {
                yield return code;
            }
        }
    }

    private static bool IsCompilationUnitWithMembers(string text, out string code)
    {
        code = text;
        var unit = CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot();
        if (unit.Members.Count == 0)
        {
            return false;
        }

        // Declarations count even when broken (the robustness inputs are C#); loose statements only when they parse.
        return unit.Members.Any(m => m is BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or DelegateDeclarationSyntax) ||
            !unit.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
    }

    private static Dictionary<string, string> StringConstants(SyntaxNode root)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        var declarators = root.DescendantNodes().OfType<FieldDeclarationSyntax>()
            .Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword) || f.Modifiers.Any(SyntaxKind.StaticKeyword))
            .SelectMany(f => f.Declaration.Variables)
            .Where(v => v.Initializer is not null)
            .ToList();

        // Constants may be built from other constants: evaluate until nothing new resolves.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var declarator in declarators.Where(d => !constants.ContainsKey(d.Identifier.ValueText)))
            {
                if (Evaluate(declarator.Initializer!.Value, constants) is { } value)
                {
                    constants[declarator.Identifier.ValueText] = value;
                    changed = true;
                }
            }
        }

        return constants;
    }

    private static string? Evaluate(ExpressionSyntax expression, IReadOnlyDictionary<string, string> constants) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        IdentifierNameSyntax name => constants.TryGetValue(name.Identifier.ValueText, out var value) ? value : null,
        ParenthesizedExpressionSyntax parenthesized => Evaluate(parenthesized.Expression, constants),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) =>
            Evaluate(binary.Left, constants) is { } left && Evaluate(binary.Right, constants) is { } right ? left + right : null,
        _ => null,
    };

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\|[^:{}|\r\n]+:|\|\}|\[\||\|\]")]
    private static partial Regex Markup();
}
