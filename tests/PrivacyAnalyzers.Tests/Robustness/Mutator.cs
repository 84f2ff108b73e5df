using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PrivacyAnalyzers.Tests.Robustness;

/// <summary>
/// Turns valid code into the broken code an IDE analyzes while someone types: truncated at a token boundary, lines
/// deleted, braces duplicated or dropped, identifiers replaced with ones that do not resolve. One to three
/// mutations per mutant, all chosen by the given <see cref="Random"/>, so a seed reproduces a mutant exactly.
/// </summary>
internal static class Mutator
{
    public static string Mutate(string source, Random random)
    {
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            source = random.Next(6) switch
            {
                0 => Truncate(source, random),
                1 => DeleteLines(source, random),
                2 => DuplicateBrace(source, random),
                3 => DropBrace(source, random),
                4 => ReplaceIdentifier(source, random, everywhere: false),
                _ => ReplaceIdentifier(source, random, everywhere: true),
            };
        }

        return source;
    }

    private static List<SyntaxToken> Tokens(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();

    private static string Truncate(string source, Random random)
    {
        var tokens = Tokens(source);
        if (tokens.Count == 0)
        {
            return source;
        }

        var token = tokens[random.Next(tokens.Count)];
        return source[..(random.Next(2) == 0 ? token.Span.Start : token.Span.End)];
    }

    private static string DeleteLines(string source, Random random)
    {
        var lines = source.Split('\n').ToList();
        var count = Math.Min(lines.Count, random.Next(1, 4));
        var start = random.Next(lines.Count - count + 1);
        if (random.Next(2) == 0)
        {
            lines.RemoveRange(start, count);
        }
        else
        {
            for (var i = 0; i < count && lines.Count > 0; i++)
            {
                lines.RemoveAt(random.Next(lines.Count));
            }
        }

        return string.Join('\n', lines);
    }

    private static string DuplicateBrace(string source, Random random)
    {
        var braces = Tokens(source).Where(IsBrace).ToList();
        if (braces.Count == 0)
        {
            return source;
        }

        var brace = braces[random.Next(braces.Count)];
        return source.Insert(brace.Span.Start, brace.Text);
    }

    private static string DropBrace(string source, Random random)
    {
        var braces = Tokens(source).Where(IsBrace).ToList();
        if (braces.Count == 0)
        {
            return source;
        }

        var brace = braces[random.Next(braces.Count)];
        return source.Remove(brace.Span.Start, brace.Span.Length);
    }

    private static string ReplaceIdentifier(string source, Random random, bool everywhere)
    {
        var identifiers = Tokens(source).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
        if (identifiers.Count == 0)
        {
            return source;
        }

        var chosen = identifiers[random.Next(identifiers.Count)];
        var replacement = "Unresolved" + random.Next(10_000).ToString(CultureInfo.InvariantCulture);
        var targets = everywhere ? identifiers.Where(t => t.ValueText == chosen.ValueText).ToList() : new List<SyntaxToken> { chosen };
        foreach (var token in targets.OrderByDescending(t => t.Span.Start))
        {
            source = source.Remove(token.Span.Start, token.Span.Length).Insert(token.Span.Start, replacement);
        }

        return source;
    }

    private static bool IsBrace(SyntaxToken token) =>
        token.IsKind(SyntaxKind.OpenBraceToken) || token.IsKind(SyntaxKind.CloseBraceToken) ||
        token.IsKind(SyntaxKind.OpenParenToken) || token.IsKind(SyntaxKind.CloseParenToken);
}
