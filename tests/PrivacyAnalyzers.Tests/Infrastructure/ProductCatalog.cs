using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyAnalyzers.Tests.Infrastructure;

/// <summary>Everything the two product assemblies export, found by reflection the way a host finds it.</summary>
internal static class ProductCatalog
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        ExportedTypes(typeof(Descriptors).Assembly, typeof(DiagnosticAnalyzerAttribute))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } =
        ExportedTypes(typeof(CodeFixes.AccountTakeover.PasswordSignInWithoutLockoutFixer).Assembly, typeof(ExportCodeFixProviderAttribute))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>Every descriptor of the catalogue (the static fields of <see cref="Descriptors"/>).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        typeof(PrivacyAnalyzers.Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
            .ToImmutableArray();

    public static ImmutableArray<Type> AnalyzerTypes { get; } = Analyzers.Select(a => a.GetType()).ToImmutableArray();

    private static ImmutableArray<Type> ExportedTypes(Assembly assembly, Type attribute) =>
        assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.GetCustomAttributes(attribute, inherit: false).Length > 0)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToImmutableArray();
}
