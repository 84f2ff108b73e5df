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

    // Queues, not bags: a bag finds its thread's list through a ThreadLocal on every add, and the same-type calls alone
    // are added for a large share of the compilation's calls.
    private readonly ConcurrentQueue<PersistenceSite> persisted = new();
    private readonly ConcurrentQueue<DeletionSite> deletions = new();
    private readonly ConcurrentQueue<SoftDeleteSite> softDeletes = new();
    private readonly ConcurrentQueue<(ISymbol Scope, DeletionRules Rules)> mediaDeletionScopes = new();
    private readonly ConcurrentQueue<(ISymbol Scope, ITypeSymbol Entity)> cleared = new();
    private readonly ConcurrentQueue<(ISymbol Scope, ISymbol Member)> flagReads = new();
    private readonly ConcurrentQueue<(ISymbol Caller, ISymbol Callee)> sameTypeCalls = new();
    private readonly ConcurrentQueue<RelationshipSetting> settings = new();
    private readonly ConcurrentQueue<(INamedTypeSymbol Entity, string Table)> tables = new();
    private readonly ConcurrentQueue<ISymbol> endpointHandlers = new();

    /// <summary>The <c>deletion_methods</c> of each rule, per syntax tree (editorconfig sections can differ per file).</summary>
    private readonly PerOptions<ConfiguredMethods> configured = new();

    private readonly Compilation compilation;
    private readonly AnalyzerOptions options;
    private readonly PersistenceModel persistence;
    private readonly DeletionModel deletion;
    private readonly StoredMediaModel media;
    private readonly PersonalDataModel[] personalData;
    private readonly INamedTypeSymbol? httpDelete;
    private readonly INamedTypeSymbol? endpointExtensions;
    private readonly INamedTypeSymbol? tableAttribute;

    // Decided once at compilation end, shared by the three rules (the end action runs once).
    private readonly object decisionLock = new();
    private ImmutableHashSet<INamedTypeSymbol>? persistedTypes;
    private ImmutableArray<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)>? deletedBySite;
    private ILookup<ISymbol, ISymbol>? callees;
    private Dictionary<string, List<INamedTypeSymbol>>? entitiesByTable;
    private Dictionary<string, List<INamedTypeSymbol>>? entitiesByName;
    private readonly DeletionsByType?[] deletionsByType = new DeletionsByType?[DeletionRuleIds.Count];
    private Dictionary<(INamedTypeSymbol Principal, INamedTypeSymbol Dependent), List<RelationshipSetting>>? settingsByPair;
    private HashSet<(ISymbol Scope, ISymbol Member)>? flagReadSet;
    private HashSet<ISymbol>? endpointHandlerSet;
    private DependentsIndex? dependents;
    private readonly ConcurrentDictionary<(INamedTypeSymbol Principal, INamedTypeSymbol Dependent), (bool Cascades, ReferenceKind Reference, ISymbol? Via)> cascades =
        new(PairComparer.Instance);
    private readonly ConcurrentDictionary<ISymbol, ImmutableHashSet<ISymbol>> closures = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, EntityShape> shapes = new(SymbolEqualityComparer.Default);

    private DeletionPathFacts(Compilation compilation, AnalyzerOptions options, PersistenceModel persistence)
    {
        this.compilation = compilation;
        this.options = options;
        this.persistence = persistence;
        this.deletion = DeletionModel.For(compilation, persistence);
        this.media = StoredMediaModel.For(compilation);

        // The personal-data options are read per rule (dotnet_code_quality.PRIV010.personal_data_types...).
        this.personalData = new PersonalDataModel[DeletionRuleIds.Count];
        for (var i = 0; i < DeletionRuleIds.Count; i++)
        {
            this.personalData[i] = PersonalDataModel.Create(compilation, options, DeletionRuleIds.IdOf(DeletionRuleIds.FlagAt(i)));
        }

        var types = WellKnownTypes.For(compilation);
        this.httpDelete = types.Get(WellKnownTypeNames.MvcHttpDeleteAttribute);
        this.endpointExtensions = types.Get(WellKnownTypeNames.EndpointRouteBuilderExtensions);
        this.tableAttribute = types.Get(WellKnownTypeNames.TableAttribute);
    }

    public StoredMediaModel Media => this.media;

    public DeletionModel Deletion => this.deletion;

    public IEnumerable<PersistenceSite> Persisted => this.persisted;

    public IEnumerable<SoftDeleteSite> SoftDeletes => this.softDeletes;

    /// <summary>The personal-data model with the options of <paramref name="rule"/>.</summary>
    public PersonalDataModel PersonalData(DeletionRules rule) => this.personalData[DeletionRuleIds.IndexOf(rule)];

    /// <summary>
    /// Registers the collection for one compilation; null (nothing registered) when neither EF Core nor
    /// Identity is referenced.
    /// </summary>
    public static DeletionPathFacts? Collect(CompilationStartAnalysisContext start)
    {
        var persistence = PersistenceModel.For(start.Compilation);
        if (!persistence.IsAvailable)
        {
            return null;
        }

        var facts = new DeletionPathFacts(start.Compilation, start.Options, persistence);
        start.RegisterSymbolAction(facts.AnalyzeProperty, SymbolKind.Property);
        start.RegisterOperationBlockAction(facts.AnalyzeBlock);
        return facts;
    }

    /// <summary>
    /// The calls, assignments and property reads of one block, from its flattened tree (shared with the recording
    /// rules' walks of the same block): one callback per block instead of one per operation, of which there were three
    /// for every call, assignment and property read of the compilation.
    /// </summary>
    private void AnalyzeBlock(OperationBlockAnalysisContext context)
    {
        var owner = context.OwningSymbol;
        var isGenerated = context.IsGeneratedCode;

        // The same for every call of the block: the type whose methods are same-type calls, and the configured methods.
        var callerType = owner.ContainingType?.OriginalDefinition;
        foreach (var block in context.OperationBlocks)
        {
            var configured = this.ConfiguredFor(block.Syntax.SyntaxTree);
            var tree = OperationWalk.Flat(block);
            var operations = tree.Operations;
            var nextInvocation = 0;
            for (var i = 0; i < operations.Length; i++)
            {
                switch (tree.KindAt(i))
                {
                    case OperationKind.Invocation:
                        context.CancellationToken.ThrowIfCancellationRequested();
                        this.AnalyzeInvocation(tree, nextInvocation++, owner, callerType, configured, isGenerated);
                        break;
                    case OperationKind.SimpleAssignment:
                        this.AnalyzeAssignment((ISimpleAssignmentOperation)operations[i], owner, isGenerated);
                        break;
                    case OperationKind.PropertyReference:
                        this.AnalyzePropertyReference((IPropertyReferenceOperation)operations[i], owner);
                        break;
                }
            }
        }
    }

    /// <summary>
    /// A <c>DbSet</c> property of a context stores its entity. Asked per property, not per context type: a context split
    /// over files (a generated part, a hand-written part) has each DbSet where its own part is, and the host says per
    /// property whether that part is generated (the rules leave the host no generated-code check at reporting).
    /// </summary>
    private void AnalyzeProperty(SymbolAnalysisContext context)
    {
        var property = (IPropertySymbol)context.Symbol;
        if (this.persistence.DbSetPropertyEntity(property) is { } entity && !property.Locations.IsEmpty && property.Locations[0].IsInSource)
        {
            this.persisted.Enqueue(new PersistenceSite(entity.OriginalDefinition, property.Locations[0], context.IsGeneratedCode, property.Name));
        }
    }

    /// <summary>The call at <paramref name="index"/> of <paramref name="tree"/>'s invocations.</summary>
    private void AnalyzeInvocation(FlatTree tree, int index, ISymbol containingSymbol, INamedTypeSymbol? callerType, ConfiguredMethods configured, bool isGenerated)
    {
        // The method called is kept by the flattened tree, and its name and type rule out most calls: the call itself is
        // fetched only when a check below can apply. On a body too large for the cache (thousands of endpoints in one
        // method), fetching every call again was what made this grow faster than the body.
        var method = tree.TargetMethods[index];
        var containingType = method.ContainingType;
        if (containingType is null)
        {
            return;
        }

        // A lambda's containing type is that of the method around it, so this matches ScopeOf(...).ContainingType.
        var sameType = callerType is not null && SymbolEqualityComparer.Default.Equals(containingType.OriginalDefinition, callerType);
        var configuredBy = configured.RulesConfiguring(method);
        if (!sameType && configuredBy == DeletionRules.None && !MayRecord(method.Name))
        {
            return;
        }

        var invocation = tree.Invocations[index];

        // Scope (a walk up the operation tree) and location (an allocation) only when something is recorded.
        ISymbol? scope = null;
        Location? location = null;
        ISymbol Scope() => scope ??= ScopeOf(invocation, containingSymbol, this.endpointExtensions);
        Location Where() => location ??= invocation.Syntax.GetLocation();

        if (sameType)
        {
            this.sameTypeCalls.Enqueue((Scope(), method.OriginalDefinition));
        }

        if (this.endpointExtensions is not null && method.Name == "MapDelete" &&
            SymbolEqualityComparer.Default.Equals(containingType, this.endpointExtensions))
        {
            this.AddEndpointHandlers(invocation);
        }

        foreach (var entity in this.persistence.PersistedEntities(invocation))
        {
            this.persisted.Enqueue(new PersistenceSite(entity.OriginalDefinition, Where(), isGenerated, null));
        }

        // What every rule sees (built-in deletions), and what the rules that configure this method see.
        var builtIn = configuredBy == DeletionRules.All ? null : this.deletion.GetDeletion(invocation, SymbolSet.Empty);
        if (builtIn is not null)
        {
            this.deletions.Enqueue(new DeletionSite(builtIn, Scope(), Where(), isGenerated, DeletionRules.All & ~configuredBy));
        }

        if (configuredBy != DeletionRules.None &&
            this.deletion.GetDeletion(invocation, configured.Any(configuredBy)) is { } configuredCall)
        {
            this.deletions.Enqueue(new DeletionSite(configuredCall, Scope(), Where(), isGenerated, configuredBy));
        }

        var mediaRules = this.media.IsMediaDeletion(invocation) ? DeletionRules.All : configuredBy;
        if (mediaRules != DeletionRules.None)
        {
            this.mediaDeletionScopes.Enqueue((Scope(), mediaRules));
        }

        if (this.deletion.GetSoftDeleteSetter(invocation, out var flag) is { } softDeleted && flag is not null)
        {
            this.softDeletes.Enqueue(new SoftDeleteSite(softDeleted, flag, Scope(), Where(), isGenerated));
        }

        foreach (var setting in this.deletion.GetRelationshipSettings(invocation))
        {
            this.settings.Enqueue(setting);
        }

        if (this.deletion.TryGetTableName(invocation, out var mapped, out var table) && mapped is not null && table is not null)
        {
            this.tables.Enqueue((mapped.OriginalDefinition, table));
        }
    }

    /// <summary>
    /// False when no check of <see cref="AnalyzeInvocation"/> other than same-type calls and configured methods can
    /// record anything for a call of a method with this name: the union of the name tests the models' checks begin with.
    /// </summary>
    private static bool MayRecord(string name) =>
        PersistenceModel.MayPersist(name) || DeletionModel.MayBeDeletion(name) || StoredMediaModel.MayDeleteMedia(name) ||
        DeletionModel.MayConfigure(name) || name == "MapDelete";

    private void AddEndpointHandlers(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.WalkDownConversions() is IDelegateCreationOperation { Target: var target })
            {
                switch (target)
                {
                    case IAnonymousFunctionOperation lambda:
                        this.endpointHandlers.Enqueue(lambda.Symbol);
                        break;
                    case IMethodReferenceOperation reference:
                        this.endpointHandlers.Enqueue(reference.Method.OriginalDefinition);
                        break;
                }
            }
        }
    }

    private ConfiguredMethods ConfiguredFor(SyntaxTree tree) =>
        this.configured.For(this.options, tree, this.compilation, static (options, tree, compilation) => ConfiguredMethods.Read(options, tree, compilation));

    private void AnalyzeAssignment(ISimpleAssignmentOperation assignment, ISymbol containingSymbol, bool isGenerated)
    {
        var (member, instance) = assignment.Target switch
        {
            IPropertyReferenceOperation p => ((ISymbol?)p.Property, p.Instance),
            IFieldReferenceOperation f => (f.Field, f.Instance),
            _ => (null, null),
        };

        if (member is null)
        {
            return;
        }

        if (DeletionModel.GetSoftDelete(assignment, out var flag) is { } entity && flag is not null)
        {
            this.softDeletes.Enqueue(new SoftDeleteSite(entity, flag, ScopeOf(assignment, containingSymbol, this.endpointExtensions), assignment.Syntax.GetLocation(), isGenerated));
            return;
        }

        if (!member.IsStatic && DeletionModel.IsClearingValue(assignment.Value) && !DeletionModel.IsDeletedFlagName(member.Name))
        {
            this.cleared.Enqueue((ScopeOf(assignment, containingSymbol, this.endpointExtensions), instance?.Type ?? member.ContainingType));
        }
    }

    private void AnalyzePropertyReference(IPropertyReferenceOperation reference, ISymbol containingSymbol)
    {
        var name = reference.Property.Name;
        if (!DeletionModel.MayBeDeletedFlagName(name) ||
            (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
        {
            return;
        }

        if (DeletionModel.IsDeletedFlagName(name))
        {
            this.flagReads.Enqueue((ScopeOf(reference, containingSymbol, this.endpointExtensions), reference.Property.OriginalDefinition));
        }
    }

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

    // ---- Decisions, at compilation end (computed once, shared by the three rules) ----

    /// <summary>Every entity type the compilation stores (the type definitions).</summary>
    public ImmutableHashSet<INamedTypeSymbol> PersistedTypes()
    {
        lock (this.decisionLock)
        {
            if (this.persistedTypes is null)
            {
                var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var site in this.persisted)
                {
                    builder.Add(site.Entity);
                }

                this.persistedTypes = builder.ToImmutable();
            }

            return this.persistedTypes;
        }
    }

    /// <summary>The deletions <paramref name="rule"/> sees, with the entity types each deletes.</summary>
    public List<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)> Deletions(DeletionRules rule)
    {
        var all = this.AllDeletions();
        var result = new List<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)>(all.Length);
        foreach (var deletion in all)
        {
            if ((deletion.Site.Rules & rule) != 0)
            {
                result.Add(deletion);
            }
        }

        return result;
    }

    /// <summary>The deletions <paramref name="rule"/> sees, indexed by the types they delete.</summary>
    public DeletionsByType IndexedDeletions(DeletionRules rule)
    {
        var all = this.AllDeletions();
        lock (this.decisionLock)
        {
            var index = DeletionRuleIds.IndexOf(rule);
            return this.deletionsByType[index] ??= DeletionsByType.Build(all, rule);
        }
    }

    private ImmutableArray<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)> AllDeletions()
    {
        var entities = this.PersistedTypes();
        lock (this.decisionLock)
        {
            if (this.deletedBySite is null)
            {
                var builder = ImmutableArray.CreateBuilder<(DeletionSite, ImmutableArray<INamedTypeSymbol>)>();
                foreach (var site in this.deletions)
                {
                    builder.Add((site, this.DeletedBy(site, entities)));
                }

                this.deletedBySite = builder.ToImmutable();
            }

            return this.deletedBySite.Value;
        }
    }

    /// <summary>The entity types a deletion deletes, with repository name hints and SQL tables resolved against the stored entities.</summary>
    private ImmutableArray<INamedTypeSymbol> DeletedBy(DeletionSite site, ImmutableHashSet<INamedTypeSymbol> entities)
    {
        var result = new List<INamedTypeSymbol>();
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        void Add(INamedTypeSymbol type)
        {
            if (seen.Add(type))
            {
                result.Add(type);
            }
        }

        foreach (var entity in site.Call.Entities)
        {
            Add(entity.OriginalDefinition);
        }

        if (!site.Call.NameHints.IsEmpty)
        {
            var byName = this.EntitiesByName(entities);
            foreach (var hint in site.Call.NameHints)
            {
                foreach (var name in DeletionModel.NamesHintedBy(hint))
                {
                    if (byName.TryGetValue(name, out var named))
                    {
                        foreach (var entity in named)
                        {
                            Add(entity);
                        }
                    }
                }
            }
        }

        if (site.Call.SqlTable is { } table && this.EntitiesByTable(entities).TryGetValue(table, out var mapped))
        {
            foreach (var entity in mapped)
            {
                Add(entity);
            }
        }

        return result.ToImmutableArray();
    }

    /// <summary>
    /// Every stored entity by its type name (ignoring case), so that a repository's name hint is looked up instead of
    /// compared with every entity (that comparison made the decision quadratic in the size of the application).
    /// </summary>
    private Dictionary<string, List<INamedTypeSymbol>> EntitiesByName(ImmutableHashSet<INamedTypeSymbol> entities)
    {
        if (this.entitiesByName is { } built)
        {
            return built;
        }

        var byName = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in entities)
        {
            if (!byName.TryGetValue(entity.Name, out var list))
            {
                byName[entity.Name] = list = new List<INamedTypeSymbol>();
            }

            list.Add(entity);
        }

        return this.entitiesByName = byName;
    }

    /// <summary>Every stored entity by each of its table names: its type name, DbSet names, <c>ToTable</c> and <c>[Table]</c> names.</summary>
    private Dictionary<string, List<INamedTypeSymbol>> EntitiesByTable(ImmutableHashSet<INamedTypeSymbol> entities)
    {
        if (this.entitiesByTable is { } built)
        {
            return built;
        }

        var namesOf = new Dictionary<INamedTypeSymbol, HashSet<string>>(SymbolEqualityComparer.Default);
        foreach (var entity in entities)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { entity.Name };
            foreach (var attribute in entity.GetAttributes())
            {
                if (this.tableAttribute is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, this.tableAttribute) &&
                    attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
                {
                    names.Add(name);
                }
            }

            namesOf[entity] = names;
        }

        foreach (var site in this.persisted)
        {
            if (site.DbSetName is not null && namesOf.TryGetValue(site.Entity.OriginalDefinition, out var names))
            {
                names.Add(site.DbSetName);
            }
        }

        foreach (var (entity, table) in this.tables)
        {
            if (namesOf.TryGetValue(entity.OriginalDefinition, out var names))
            {
                names.Add(table);
            }
        }

        var byTable = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in namesOf)
        {
            foreach (var name in pair.Value)
            {
                if (!byTable.TryGetValue(name, out var list))
                {
                    byTable[name] = list = new List<INamedTypeSymbol>();
                }

                list.Add(pair.Key);
            }
        }

        return this.entitiesByTable = byTable;
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
    /// Decided once per pair.
    /// </summary>
    public bool Cascades(INamedTypeSymbol principal, INamedTypeSymbol dependent, out ReferenceKind reference, out ISymbol? via)
    {
        var key = (principal, dependent);
        if (!this.cascades.TryGetValue(key, out var decided))
        {
            decided = this.DecideCascade(principal, dependent);
            this.cascades.TryAdd(key, decided);
        }

        reference = decided.Reference;
        via = decided.Via;
        return decided.Cascades;
    }

    private (bool Cascades, ReferenceKind Reference, ISymbol? Via) DecideCascade(INamedTypeSymbol principal, INamedTypeSymbol dependent)
    {
        // Most pairs of entities are unrelated: no setting, no navigation either way, no key member. Say so
        // from each type's members indexed once, before FindReference scans members and attributes.
        if (this.SettingsFor(principal, dependent).Count == 0 && !this.MayReference(principal, dependent))
        {
            return (false, ReferenceKind.None, null);
        }

        var reference = this.deletion.FindReference(principal, dependent, out var via);
        var configured = this.SettingsFor(principal, dependent);
        bool? required = null;
        foreach (var setting in configured)
        {
            if (setting.Cascades is { } cascades)
            {
                return (cascades, reference, via);
            }

            required ??= setting.Required;
        }

        var related = configured.Count > 0 || reference is ReferenceKind.Required or ReferenceKind.Optional;
        return (related && (required ?? reference == ReferenceKind.Required), reference, via);
    }

    private static readonly List<RelationshipSetting> NoSettings = new();

    /// <summary>
    /// The stored entities that may depend on <paramref name="principal"/>: those <see cref="Cascades"/> can say
    /// anything about (a relationship setting, a navigation either way, a <c>{Principal}Id</c> member). Every other
    /// stored entity is unrelated: it neither cascades nor is left behind.
    /// </summary>
    public HashSet<INamedTypeSymbol> MayDependOn(INamedTypeSymbol principal)
    {
        var dependents = this.Dependents();
        var result = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        if (dependents.ByPrincipal.TryGetValue(principal.OriginalDefinition, out var indexed))
        {
            result.UnionWith(indexed);
        }

        var entities = this.PersistedTypes();
        if (!entities.Contains(principal) &&
            dependents.ByPropertyName.TryGetValue(principal.Name + "Id", out var byKeyName))
        {
            // A deleted type that is not stored itself: the index matches key members to stored entities' names only,
            // so its {Principal}Id members are looked up by name (what MayReference asks of every entity).
            result.UnionWith(byKeyName);
        }

        foreach (var element in this.ShapeOf(principal).CollectionElements)
        {
            if (element is INamedTypeSymbol named && entities.Contains(named))
            {
                result.Add(named);
            }
        }

        return result;
    }

    private DependentsIndex Dependents()
    {
        if (this.dependents is { } built)
        {
            return built;
        }

        var entities = this.PersistedTypes();
        var byName = this.EntitiesByName(entities);

        var index = new Dictionary<ISymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        var byPropertyName = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.OrdinalIgnoreCase);
        void Add(ISymbol principal, INamedTypeSymbol dependent) => AddTo(index, principal, dependent);

        foreach (var dependent in entities)
        {
            var shape = this.ShapeOf(dependent);
            foreach (var type in shape.PropertyTypes)
            {
                Add(type, dependent);
            }

            foreach (var name in shape.PropertyNames)
            {
                AddTo(byPropertyName, name, dependent);
                if (name.Length > 2 && name.EndsWith("Id", StringComparison.OrdinalIgnoreCase) &&
                    byName.TryGetValue(name.Substring(0, name.Length - 2), out var principals))
                {
                    foreach (var principal in principals)
                    {
                        Add(principal, dependent);
                    }
                }
            }
        }

        foreach (var setting in this.settings)
        {
            if (setting.Dependent.OriginalDefinition is INamedTypeSymbol dependent && entities.Contains(dependent))
            {
                Add(setting.Principal.OriginalDefinition, dependent);
            }
        }

        return this.dependents = new DependentsIndex(index, byPropertyName);
    }

    private static void AddTo<TKey>(Dictionary<TKey, List<INamedTypeSymbol>> index, TKey key, INamedTypeSymbol dependent)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<INamedTypeSymbol>();
        }

        list.Add(dependent);
    }

    /// <summary>
    /// A necessary condition for <see cref="DeletionModel.FindReference"/> to find anything: the dependent has a
    /// property of the principal's type or one named <c>{Principal}Id</c>, or the principal a collection of dependents.
    /// </summary>
    private bool MayReference(INamedTypeSymbol principal, INamedTypeSymbol dependent)
    {
        var dependentShape = this.ShapeOf(dependent);
        return dependentShape.PropertyTypes.Contains(principal.OriginalDefinition) ||
            dependentShape.PropertyNames.Contains(principal.Name + "Id") ||
            this.ShapeOf(principal).CollectionElements.Contains(dependent.OriginalDefinition);
    }

    private EntityShape ShapeOf(INamedTypeSymbol entity)
    {
        if (!this.shapes.TryGetValue(entity, out var shape))
        {
            shape = new EntityShape();
            foreach (var member in PersonalDataModel.InstanceDataMembers(entity))
            {
                if (member is not IPropertySymbol property)
                {
                    continue;
                }

                shape.PropertyTypes.Add(property.Type.OriginalDefinition);
                shape.PropertyNames.Add(property.Name);
                if (property.Type.SpecialType != SpecialType.System_String && property.Type is not INamedTypeSymbol { Arity: 0 } &&
                    this.persistence.EntityOf(property.Type) is { } element)
                {
                    shape.CollectionElements.Add(element.OriginalDefinition);
                }
            }

            this.shapes.TryAdd(entity, shape);
        }

        return shape;
    }

    /// <summary>
    /// The stored entities that may depend on a principal: by the principal (a property of its type, a
    /// <c>{Principal}Id</c> member naming a stored entity, a relationship setting) and by property name, for deleted
    /// types that are not stored themselves.
    /// </summary>
    private sealed class DependentsIndex
    {
        public DependentsIndex(Dictionary<ISymbol, List<INamedTypeSymbol>> byPrincipal, Dictionary<string, List<INamedTypeSymbol>> byPropertyName)
        {
            this.ByPrincipal = byPrincipal;
            this.ByPropertyName = byPropertyName;
        }

        public Dictionary<ISymbol, List<INamedTypeSymbol>> ByPrincipal { get; }

        public Dictionary<string, List<INamedTypeSymbol>> ByPropertyName { get; }
    }

    /// <summary>What an entity's properties say about its relationships, indexed once per type.</summary>
    private sealed class EntityShape
    {
        public HashSet<ITypeSymbol> PropertyTypes { get; } = new(SymbolEqualityComparer.Default);

        public HashSet<string> PropertyNames { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<ITypeSymbol> CollectionElements { get; } = new(SymbolEqualityComparer.Default);
    }

    /// <summary>The relationship settings of one pair, in the order they were collected.</summary>
    private List<RelationshipSetting> SettingsFor(INamedTypeSymbol principal, INamedTypeSymbol dependent)
    {
        Dictionary<(INamedTypeSymbol, INamedTypeSymbol), List<RelationshipSetting>> byPair;
        lock (this.decisionLock)
        {
            if (this.settingsByPair is null)
            {
                this.settingsByPair = new Dictionary<(INamedTypeSymbol, INamedTypeSymbol), List<RelationshipSetting>>(PairComparer.Instance);
                foreach (var setting in this.settings)
                {
                    var key = ((INamedTypeSymbol)setting.Principal.OriginalDefinition, (INamedTypeSymbol)setting.Dependent.OriginalDefinition);
                    if (!this.settingsByPair.TryGetValue(key, out var list))
                    {
                        this.settingsByPair[key] = list = new List<RelationshipSetting>();
                    }

                    list.Add(setting);
                }
            }

            byPair = this.settingsByPair;
        }

        return byPair.TryGetValue(((INamedTypeSymbol)principal.OriginalDefinition, (INamedTypeSymbol)dependent.OriginalDefinition), out var found) ? found : NoSettings;
    }

    /// <summary>True when an <c>OnDelete</c> setting names this pair (the message then says so).</summary>
    public bool HasDeleteBehavior(INamedTypeSymbol principal, INamedTypeSymbol dependent)
    {
        foreach (var setting in this.SettingsFor(principal, dependent))
        {
            if (setting.Cascades is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="scope"/> and every method of the same type it calls, directly or not.</summary>
    public ImmutableHashSet<ISymbol> Closure(ISymbol scope)
    {
        if (this.closures.TryGetValue(scope, out var known))
        {
            return known;
        }

        ILookup<ISymbol, ISymbol> calls;
        lock (this.decisionLock)
        {
            calls = this.callees ??= this.sameTypeCalls.ToLookup(c => c.Caller, c => c.Callee, SymbolEqualityComparer.Default);
        }

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

        var closure = result.ToImmutable();
        this.closures.TryAdd(scope, closure);
        return closure;
    }

    public bool DeletesMedia(ImmutableHashSet<ISymbol> scopes, DeletionRules rule)
    {
        foreach (var (scope, rules) in this.mediaDeletionScopes)
        {
            if ((rules & rule) != 0 && scopes.Contains(scope))
            {
                return true;
            }
        }

        return false;
    }

    public bool ClearsMembersOf(ImmutableHashSet<ISymbol> scopes, INamedTypeSymbol entity)
    {
        foreach (var (scope, cleared) in this.cleared)
        {
            if (scopes.Contains(scope) && cleared is INamedTypeSymbol type && (Covers(type, entity) || Covers(entity, type)))
            {
                return true;
            }
        }

        return false;
    }

    public bool ReadsFlag(ISymbol scope, ISymbol member)
    {
        HashSet<(ISymbol, ISymbol)> reads;
        lock (this.decisionLock)
        {
            if (this.flagReadSet is null)
            {
                this.flagReadSet = new HashSet<(ISymbol, ISymbol)>(SymbolPairComparer.Instance);
                foreach (var (readScope, readMember) in this.flagReads)
                {
                    this.flagReadSet.Add((readScope.OriginalDefinition, readMember.OriginalDefinition));
                }
            }

            reads = this.flagReadSet;
        }

        return reads.Contains((scope.OriginalDefinition, member.OriginalDefinition));
    }

    private HashSet<ISymbol> EndpointHandlerSet()
    {
        lock (this.decisionLock)
        {
            if (this.endpointHandlerSet is null)
            {
                this.endpointHandlerSet = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var handler in this.endpointHandlers)
                {
                    this.endpointHandlerSet.Add(handler.OriginalDefinition);
                }
            }

            return this.endpointHandlerSet;
        }
    }

    /// <summary>
    /// Whether <paramref name="scope"/> answers a deletion request: a <c>MapDelete</c> endpoint, an
    /// <c>[HttpDelete]</c> action, a configured <c>deletion_handlers</c> method, or a method whose name says
    /// Delete/Erase/Forget/Purge/Remove (for Handle/Execute/Invoke/Consume/Process/Run methods, its type's name).
    /// </summary>
    public bool IsDeletionHandler(ISymbol scope)
    {
        if (this.EndpointHandlerSet().Contains(scope.OriginalDefinition))
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

    /// <summary>True when <paramref name="a"/> comes before <paramref name="b"/> in the order of <see cref="InSourceOrder"/>.</summary>
    public static bool ComesBefore(Location a, Location b)
    {
        var byFile = string.CompareOrdinal(a.SourceTree?.FilePath ?? string.Empty, b.SourceTree?.FilePath ?? string.Empty);
        return byFile < 0 || (byFile == 0 && a.SourceSpan.Start < b.SourceSpan.Start);
    }

    /// <summary>Reportable locations first in a stable order (file, then position).</summary>
    public static IOrderedEnumerable<T> InSourceOrder<T>(IEnumerable<T> items, Func<T, Location> location) =>
        items.OrderBy(i => location(i).SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal).ThenBy(i => location(i).SourceSpan.Start);

    /// <summary>The <c>deletion_methods</c> each rule has in force for one syntax tree.</summary>
    private sealed class ConfiguredMethods
    {
        private readonly SymbolSet[] byRule;

        private ConfiguredMethods(SymbolSet[] byRule) => this.byRule = byRule;

        public static ConfiguredMethods Read(AnalyzerOptions options, SyntaxTree tree, Compilation compilation)
        {
            var byRule = new SymbolSet[DeletionRuleIds.Count];
            for (var i = 0; i < byRule.Length; i++)
            {
                byRule[i] = PrivacyOptions.DeletionMethods.ReadSymbols(options, DeletionRuleIds.IdOf(DeletionRuleIds.FlagAt(i)), tree, compilation);
            }

            return new ConfiguredMethods(byRule);
        }

        /// <summary>The rules whose <c>deletion_methods</c> name <paramref name="method"/>.</summary>
        public DeletionRules RulesConfiguring(IMethodSymbol method)
        {
            var rules = DeletionRules.None;
            for (var i = 0; i < this.byRule.Length; i++)
            {
                if (this.byRule[i].Contains(method))
                {
                    rules |= DeletionRuleIds.FlagAt(i);
                }
            }

            return rules;
        }

        /// <summary>The set of one of <paramref name="rules"/> (they all name the method asked about).</summary>
        public SymbolSet Any(DeletionRules rules)
        {
            for (var i = 0; i < this.byRule.Length; i++)
            {
                if ((rules & DeletionRuleIds.FlagAt(i)) != 0)
                {
                    return this.byRule[i];
                }
            }

            return SymbolSet.Empty;
        }
    }

    private sealed class PairComparer : IEqualityComparer<(INamedTypeSymbol Principal, INamedTypeSymbol Dependent)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((INamedTypeSymbol Principal, INamedTypeSymbol Dependent) x, (INamedTypeSymbol Principal, INamedTypeSymbol Dependent) y) =>
            SymbolEqualityComparer.Default.Equals(x.Principal, y.Principal) && SymbolEqualityComparer.Default.Equals(x.Dependent, y.Dependent);

        public int GetHashCode((INamedTypeSymbol Principal, INamedTypeSymbol Dependent) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Principal) * 31) + SymbolEqualityComparer.Default.GetHashCode(obj.Dependent);
    }

    private sealed class SymbolPairComparer : IEqualityComparer<(ISymbol, ISymbol)>
    {
        public static readonly SymbolPairComparer Instance = new();

        public bool Equals((ISymbol, ISymbol) x, (ISymbol, ISymbol) y) =>
            SymbolEqualityComparer.Default.Equals(x.Item1, y.Item1) && SymbolEqualityComparer.Default.Equals(x.Item2, y.Item2);

        public int GetHashCode((ISymbol, ISymbol) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Item1) * 31) + SymbolEqualityComparer.Default.GetHashCode(obj.Item2);
    }
}

/// <summary>The deletion-path rules, as flags: a fact can hold for some rules only (their own <c>deletion_methods</c>).</summary>
[Flags]
internal enum DeletionRules
{
    None = 0,
    NeverDeleted = 1,
    SoftDelete = 2,
    LeavesDataBehind = 4,
    All = NeverDeleted | SoftDelete | LeavesDataBehind,
}

/// <summary>Maps the <see cref="DeletionRules"/> flags to their diagnostic ids.</summary>
internal static class DeletionRuleIds
{
    public const int Count = 3;

    public static DeletionRules FlagAt(int index) => (DeletionRules)(1 << index);

    public static int IndexOf(DeletionRules rule) => rule switch
    {
        DeletionRules.NeverDeleted => 0,
        DeletionRules.SoftDelete => 1,
        _ => 2,
    };

    public static string IdOf(DeletionRules rule) => rule switch
    {
        DeletionRules.NeverDeleted => DiagnosticIds.PersonalDataNeverDeleted,
        DeletionRules.SoftDelete => DiagnosticIds.SoftDeleteOfPersonalData,
        _ => DiagnosticIds.DeletionLeavesDataBehind,
    };
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
    public DeletionSite(DeletionCall call, ISymbol scope, Location location, bool isGenerated, DeletionRules rules)
    {
        this.Call = call;
        this.Rules = rules;
        this.Scope = scope;
        this.Location = location;
        this.IsGenerated = isGenerated;
    }

    public DeletionCall Call { get; }

    /// <summary>The rules that count this call as a deletion (a configured method counts for the rules that configure it).</summary>
    public DeletionRules Rules { get; }

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
