using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Deletion;

/// <summary>
/// What the deletion-path rules (PRIV010–PRIV012) learn about one compilation before they decide: where entities
/// are stored and deleted, soft deletes, cleared members, stored-media deletions, EF Core relationship settings,
/// and which method calls which in the same type. Collected concurrently (generated code included: a Razor
/// page's deletion counts), decided at compilation end, reported only outside generated code.
/// </summary>
internal sealed class DeletionPathFacts
{
    private static readonly string[] HandlerWords = { "Delete", "Deletion", "Erase", "Erasure", "Forget", "Purge", "Remove" };
    private static readonly string[] GenericHandlerNames = { "Handle", "Execute", "Invoke", "Consume", "Process", "Run" };

    private readonly ConcurrentBag<PersistenceSite> persisted = new();
    private readonly ConcurrentBag<DeletionSite> deletions = new();
    private readonly ConcurrentBag<SoftDeleteSite> softDeletes = new();
    private readonly ConcurrentBag<ISymbol> mediaDeletionScopes = new();
    private readonly ConcurrentBag<(ISymbol Scope, ITypeSymbol Entity)> cleared = new();
    private readonly ConcurrentBag<(ISymbol Scope, ISymbol Member)> flagReads = new();
    private readonly ConcurrentBag<(ISymbol Caller, ISymbol Callee)> sameTypeCalls = new();
    private readonly ConcurrentBag<RelationshipSetting> settings = new();
    private readonly ConcurrentBag<(INamedTypeSymbol Entity, string Table)> tables = new();
    private readonly ConcurrentBag<ISymbol> endpointHandlers = new();

    private readonly Compilation compilation;
    private readonly AnalyzerOptions options;
    private readonly string ruleId;
    private readonly PersistenceModel persistence;
    private readonly DeletionModel deletion;
    private readonly StoredMediaModel media;
    private readonly INamedTypeSymbol? httpDelete;
    private readonly INamedTypeSymbol? endpointExtensions;
    private readonly INamedTypeSymbol? tableAttribute;

    private DeletionPathFacts(Compilation compilation, AnalyzerOptions options, string ruleId, PersistenceModel persistence)
    {
        this.compilation = compilation;
        this.options = options;
        this.ruleId = ruleId;
        this.persistence = persistence;
        this.deletion = DeletionModel.For(compilation, persistence);
        this.media = StoredMediaModel.For(compilation);
        this.PersonalData = PersonalDataModel.Create(compilation, options, ruleId);
        var types = WellKnownTypes.For(compilation);
        this.httpDelete = types.Get(WellKnownTypeNames.MvcHttpDeleteAttribute);
        this.endpointExtensions = types.Get(WellKnownTypeNames.EndpointRouteBuilderExtensions);
        this.tableAttribute = types.Get(WellKnownTypeNames.TableAttribute);
    }

    public PersonalDataModel PersonalData { get; }

    public StoredMediaModel Media => this.media;

    public DeletionModel Deletion => this.deletion;

    public IEnumerable<PersistenceSite> Persisted => this.persisted;

    public IEnumerable<DeletionSite> Deletions => this.deletions;

    public IEnumerable<SoftDeleteSite> SoftDeletes => this.softDeletes;

    /// <summary>
    /// Registers the collection for one compilation; null (nothing registered) when neither EF Core nor
    /// Identity is referenced.
    /// </summary>
    public static DeletionPathFacts? Collect(CompilationStartAnalysisContext start, string ruleId)
    {
        var persistence = PersistenceModel.For(start.Compilation);
        if (!persistence.IsAvailable)
        {
            return null;
        }

        var facts = new DeletionPathFacts(start.Compilation, start.Options, ruleId, persistence);
        start.RegisterSymbolAction(facts.AnalyzeType, SymbolKind.NamedType);
        start.RegisterOperationAction(facts.AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterOperationAction(facts.AnalyzeAssignment, OperationKind.SimpleAssignment);
        start.RegisterOperationAction(facts.AnalyzePropertyReference, OperationKind.PropertyReference);
        return facts;
    }

    private void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var (property, entity) in this.persistence.DbSetProperties(type))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!property.Locations.IsEmpty && property.Locations[0].IsInSource)
            {
                this.persisted.Add(new PersistenceSite(entity.OriginalDefinition, property.Locations[0], context.IsGeneratedCode, property.Name));
            }
        }
    }

    private void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var scope = ScopeOf(invocation, context.ContainingSymbol, this.endpointExtensions);
        var location = invocation.Syntax.GetLocation();

        if (method.ContainingType is { } containingType &&
            SymbolEqualityComparer.Default.Equals(containingType.OriginalDefinition, scope.ContainingType?.OriginalDefinition))
        {
            this.sameTypeCalls.Add((scope, method.OriginalDefinition));
        }

        if (method.Name == "MapDelete" && this.endpointExtensions is not null &&
            SymbolEqualityComparer.Default.Equals(method.ContainingType, this.endpointExtensions))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.WalkDownConversions() is IDelegateCreationOperation { Target: var target })
                {
                    switch (target)
                    {
                        case IAnonymousFunctionOperation lambda:
                            this.endpointHandlers.Add(lambda.Symbol);
                            break;
                        case IMethodReferenceOperation reference:
                            this.endpointHandlers.Add(reference.Method.OriginalDefinition);
                            break;
                    }
                }
            }
        }

        foreach (var entity in this.persistence.PersistedEntities(invocation))
        {
            this.persisted.Add(new PersistenceSite(entity.OriginalDefinition, location, context.IsGeneratedCode, null));
        }

        var configured = PrivacyOptions.DeletionMethods.ReadSymbols(context.Options, this.ruleId, invocation.Syntax.SyntaxTree, context.Compilation);
        if (this.deletion.GetDeletion(invocation, configured) is { } call)
        {
            this.deletions.Add(new DeletionSite(call, scope, location, context.IsGeneratedCode));
        }

        if (this.media.IsMediaDeletion(invocation) || configured.Contains(method))
        {
            this.mediaDeletionScopes.Add(scope);
        }

        if (this.deletion.GetSoftDeleteSetter(invocation, out var flag) is { } softDeleted && flag is not null)
        {
            this.softDeletes.Add(new SoftDeleteSite(softDeleted, flag, scope, location, context.IsGeneratedCode));
        }

        foreach (var setting in this.deletion.GetRelationshipSettings(invocation))
        {
            this.settings.Add(setting);
        }

        if (this.deletion.TryGetTableName(invocation, out var mapped, out var table) && mapped is not null && table is not null)
        {
            this.tables.Add((mapped.OriginalDefinition, table));
        }
    }

    private void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        var scope = ScopeOf(assignment, context.ContainingSymbol, this.endpointExtensions);
        if (DeletionModel.GetSoftDelete(assignment, out var flag) is { } entity && flag is not null)
        {
            this.softDeletes.Add(new SoftDeleteSite(entity, flag, scope, assignment.Syntax.GetLocation(), context.IsGeneratedCode));
            return;
        }

        var (member, instance) = assignment.Target switch
        {
            IPropertyReferenceOperation p => ((ISymbol?)p.Property, p.Instance),
            IFieldReferenceOperation f => (f.Field, f.Instance),
            _ => (null, null),
        };

        if (member is not null && !member.IsStatic && DeletionModel.IsClearingValue(assignment.Value) && !DeletionModel.IsDeletedFlagName(member.Name))
        {
            this.cleared.Add((scope, instance?.Type ?? member.ContainingType));
        }
    }

    private void AnalyzePropertyReference(OperationAnalysisContext context)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
        {
            return;
        }

        var name = reference.Property.Name;
        if (MayBeFlag(name) && DeletionModel.IsDeletedFlagName(name))
        {
            this.flagReads.Add((ScopeOf(reference, context.ContainingSymbol, this.endpointExtensions), reference.Property.OriginalDefinition));
        }
    }

    private static bool MayBeFlag(string name) =>
        name.IndexOf("elet", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("emov", StringComparison.OrdinalIgnoreCase) >= 0 ||
        name.IndexOf("rase", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("urge", StringComparison.OrdinalIgnoreCase) >= 0 ||
        name.IndexOf("rash", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// The method an operation belongs to for "the same method" questions: its containing member, or the
    /// lambda of a minimal-API endpoint (<c>app.MapDelete("/x", (...) =&gt; ...)</c>) that contains it.
    /// </summary>
    private static ISymbol ScopeOf(IOperation operation, ISymbol containing, INamedTypeSymbol? endpointExtensions)
    {
        if (endpointExtensions is null)
        {
            return containing;
        }

        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda &&
                lambda.Parent is IDelegateCreationOperation creation &&
                creation.WalkUpConversions().Parent is IArgumentOperation { Parent: IInvocationOperation endpoint } &&
                endpoint.TargetMethod.Name.StartsWith("Map", StringComparison.Ordinal) &&
                SymbolEqualityComparer.Default.Equals(endpoint.TargetMethod.ContainingType, endpointExtensions))
            {
                return lambda.Symbol;
            }
        }

        return containing;
    }

    // ---- Decisions, at compilation end ----

    /// <summary>Every entity type the compilation stores (the type definitions).</summary>
    public ImmutableHashSet<INamedTypeSymbol> PersistedTypes() =>
        this.persisted.Select(p => p.Entity).ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

    /// <summary>The entity types a deletion deletes, with repository name hints and SQL tables resolved against the stored entities.</summary>
    public ImmutableArray<INamedTypeSymbol> DeletedBy(DeletionSite site, ImmutableHashSet<INamedTypeSymbol> entities)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var entity in site.Call.Entities)
        {
            builder.Add(entity.OriginalDefinition);
        }

        foreach (var hint in site.Call.NameHints)
        {
            builder.AddRange(entities.Where(e => DeletionModel.HintNames(hint, e)));
        }

        if (site.Call.SqlTable is { } table)
        {
            builder.AddRange(entities.Where(e => this.TableNames(e).Contains(table)));
        }

        return builder.Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).ToImmutableArray();
    }

    private ImmutableHashSet<string> TableNames(INamedTypeSymbol entity)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        names.Add(entity.Name);
        names.UnionWith(this.persisted.Where(p => p.DbSetName is not null && Same(p.Entity, entity)).Select(p => p.DbSetName!));
        names.UnionWith(this.tables.Where(t => Same(t.Entity, entity)).Select(t => t.Table));
        foreach (var attribute in entity.GetAttributes())
        {
            if (this.tableAttribute is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, this.tableAttribute) &&
                attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string table)
            {
                names.Add(table);
            }
        }

        return names.ToImmutable();
    }

    /// <summary>True when deleting <paramref name="deleted"/> deletes rows of <paramref name="entity"/>: the same type or a base of it.</summary>
    public static bool Covers(INamedTypeSymbol deleted, INamedTypeSymbol entity)
    {
        for (var current = entity; current is not null; current = current.BaseType)
        {
            if (Same(current, deleted))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Same(ISymbol? a, ISymbol? b) =>
        SymbolEqualityComparer.Default.Equals(a?.OriginalDefinition, b?.OriginalDefinition);

    /// <summary>
    /// Whether deleting a <paramref name="principal"/> deletes its <paramref name="dependent"/> rows: an
    /// <c>OnDelete</c> setting decides; otherwise a relationship (a navigation, or configured) that is required
    /// (by its key, its navigation's annotation, or <c>IsRequired</c>) cascades, as EF Core does by default.
    /// </summary>
    public bool Cascades(INamedTypeSymbol principal, INamedTypeSymbol dependent, out ReferenceKind reference, out ISymbol? via)
    {
        reference = this.deletion.FindReference(principal, dependent, out via);
        var configured = this.settings.Where(s => Same(s.Principal, principal) && Same(s.Dependent, dependent)).ToList();
        if (configured.FirstOrDefault(s => s.Cascades is not null) is { Cascades: { } cascades })
        {
            return cascades;
        }

        var required = configured.FirstOrDefault(s => s.Required is not null).Required;
        var related = configured.Count > 0 || reference is ReferenceKind.Required or ReferenceKind.Optional;
        return related && (required ?? reference == ReferenceKind.Required);
    }

    /// <summary>True when an <c>OnDelete</c> setting names this pair (the message then says so).</summary>
    public bool HasDeleteBehavior(INamedTypeSymbol principal, INamedTypeSymbol dependent) =>
        this.settings.Any(s => Same(s.Principal, principal) && Same(s.Dependent, dependent) && s.Cascades is not null);

    /// <summary><paramref name="scope"/> and every method of the same type it calls, directly or not.</summary>
    public ImmutableHashSet<ISymbol> Closure(ISymbol scope)
    {
        var calls = this.sameTypeCalls.ToLookup(c => c.Caller, c => c.Callee, SymbolEqualityComparer.Default);
        var result = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ISymbol>();
        pending.Push(scope);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (result.Add(current))
            {
                foreach (var callee in calls[current])
                {
                    pending.Push(callee);
                }
            }
        }

        return result.ToImmutable();
    }

    public bool DeletesMedia(ImmutableHashSet<ISymbol> scopes) => this.mediaDeletionScopes.Any(scopes.Contains);

    public bool ClearsMembersOf(ImmutableHashSet<ISymbol> scopes, INamedTypeSymbol entity) =>
        this.cleared.Any(c => scopes.Contains(c.Scope) && c.Entity is INamedTypeSymbol type && (Covers(type, entity) || Covers(entity, type)));

    public bool ReadsFlag(ISymbol scope, ISymbol member) =>
        this.flagReads.Any(r => Same(r.Scope, scope) && Same(r.Member, member));

    /// <summary>
    /// Whether <paramref name="scope"/> answers a deletion request: a <c>MapDelete</c> endpoint, an
    /// <c>[HttpDelete]</c> action, a configured <c>deletion_handlers</c> method, or a method whose name says
    /// Delete/Erase/Forget/Purge/Remove (for Handle/Execute/Invoke/Consume/Process/Run methods, its type's name).
    /// </summary>
    public bool IsDeletionHandler(ISymbol scope)
    {
        if (this.endpointHandlers.Any(h => Same(h, scope)))
        {
            return true;
        }

        if (scope is not IMethodSymbol method)
        {
            return false;
        }

        if (this.httpDelete is not null && method.GetAttributes().Any(a => a.AttributeClass.IsOrDerivesFrom(this.httpDelete)))
        {
            return true;
        }

        var tree = method.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree;
        if (tree is not null && PrivacyOptions.DeletionHandlers.ReadSymbols(this.options, DiagnosticIds.SoftDeleteOfPersonalData, tree, this.compilation).Contains(method))
        {
            return true;
        }

        var words = IdentifierWords.Split(method.Name);
        if (words.Any(w => HandlerWords.Contains(w, StringComparer.Ordinal)))
        {
            return true;
        }

        return method.MethodKind == MethodKind.Ordinary && !words.IsEmpty && GenericHandlerNames.Contains(words[0], StringComparer.Ordinal) &&
            IdentifierWords.Split(method.ContainingType?.Name ?? string.Empty).Any(w => HandlerWords.Contains(w, StringComparer.Ordinal));
    }

    /// <summary>Reportable locations first in a stable order (file, then position).</summary>
    public static IOrderedEnumerable<T> InSourceOrder<T>(IEnumerable<T> items, Func<T, Location> location) =>
        items.OrderBy(i => location(i).SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal).ThenBy(i => location(i).SourceSpan.Start);
}

/// <summary>Where an entity type is stored: a DbSet property (with its name) or a persisting call.</summary>
internal sealed class PersistenceSite
{
    public PersistenceSite(INamedTypeSymbol entity, Location location, bool isGenerated, string? dbSetName)
    {
        this.Entity = entity;
        this.Location = location;
        this.IsGenerated = isGenerated;
        this.DbSetName = dbSetName;
    }

    public INamedTypeSymbol Entity { get; }

    public Location Location { get; }

    public bool IsGenerated { get; }

    public string? DbSetName { get; }
}

/// <summary>A deleting call and the method (or endpoint lambda) it is in.</summary>
internal sealed class DeletionSite
{
    public DeletionSite(DeletionCall call, ISymbol scope, Location location, bool isGenerated)
    {
        this.Call = call;
        this.Scope = scope;
        this.Location = location;
        this.IsGenerated = isGenerated;
    }

    public DeletionCall Call { get; }

    public ISymbol Scope { get; }

    public Location Location { get; }

    public bool IsGenerated { get; }
}

/// <summary>A deleted flag set on an entity (<c>IsDeleted = true</c>...).</summary>
internal sealed class SoftDeleteSite
{
    public SoftDeleteSite(ITypeSymbol entity, ISymbol member, ISymbol scope, Location location, bool isGenerated)
    {
        this.Entity = entity;
        this.Member = member;
        this.Scope = scope;
        this.Location = location;
        this.IsGenerated = isGenerated;
    }

    public ITypeSymbol Entity { get; }

    public ISymbol Member { get; }

    public ISymbol Scope { get; }

    public Location Location { get; }

    public bool IsGenerated { get; }
}
