using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Model;

/// <summary>How a call deletes entities.</summary>
internal enum DeletionKind
{
    /// <summary><c>DbSet&lt;T&gt;.Remove/RemoveRange</c>, <c>DbContext.Remove/RemoveRange</c>.</summary>
    Remove,

    /// <summary><c>ExecuteDelete</c> / <c>ExecuteDeleteAsync</c> on an <c>IQueryable&lt;T&gt;</c>.</summary>
    ExecuteDelete,

    /// <summary>Identity's <c>UserManager&lt;TUser&gt;.DeleteAsync</c>.</summary>
    UserManager,

    /// <summary>A repository method of the project named Delete/Remove/Erase/Purge....</summary>
    Repository,

    /// <summary>Raw SQL <c>DELETE FROM table</c>.</summary>
    Sql,

    /// <summary>A method named in <c>deletion_methods</c>.</summary>
    Configured,
}

/// <summary>What one deleting call deletes: entity types, repository name hints, or a SQL table.</summary>
internal sealed class DeletionCall
{
    public DeletionCall(DeletionKind kind, ImmutableArray<INamedTypeSymbol> entities, ImmutableArray<string> nameHints, string? sqlTable, string? sqlText)
    {
        this.Kind = kind;
        this.Entities = entities;
        this.NameHints = nameHints;
        this.SqlTable = sqlTable;
        this.SqlText = sqlText;
    }

    public DeletionKind Kind { get; }

    public ImmutableArray<INamedTypeSymbol> Entities { get; }

    /// <summary>For repositories: names the entity may have (<c>TranscriptRepository.DeleteAsync(id)</c> → Transcript).</summary>
    public ImmutableArray<string> NameHints { get; }

    public string? SqlTable { get; }

    public string? SqlText { get; }
}

/// <summary>An EF Core relationship setting found in model configuration: <c>OnDelete(...)</c> or <c>IsRequired(...)</c>.</summary>
internal readonly struct RelationshipSetting
{
    public RelationshipSetting(INamedTypeSymbol principal, INamedTypeSymbol dependent, bool? cascades, bool? required)
    {
        this.Principal = principal;
        this.Dependent = dependent;
        this.Cascades = cascades;
        this.Required = required;
    }

    public INamedTypeSymbol Principal { get; }

    public INamedTypeSymbol Dependent { get; }

    /// <summary>From <c>OnDelete</c>: true for Cascade/ClientCascade, false for Restrict/NoAction/SetNull/ClientSetNull/ClientNoAction.</summary>
    public bool? Cascades { get; }

    /// <summary>From <c>IsRequired(bool)</c>.</summary>
    public bool? Required { get; }
}

/// <summary>How a dependent refers to a principal, as EF Core sees it.</summary>
internal enum ReferenceKind
{
    None,

    /// <summary>Only a key member (<c>RecordingId</c>) and no navigation: EF knows no relationship, nothing cascades.</summary>
    KeyOnly,

    /// <summary>A navigation with a non-nullable foreign key (or a required navigation): EF cascades by default.</summary>
    Required,

    /// <summary>A navigation with a nullable or shadow foreign key: EF sets the key to null (ClientSetNull), the dependent survives.</summary>
    Optional,
}

/// <summary>
/// What deletes entities and how EF Core cascades: deleting calls, raw SQL <c>DELETE FROM</c>, soft-delete
/// flags (<c>IsDeleted = true</c>, <c>DeletedAt = ...</c>, <c>Status = ...Deleted</c>, <c>SetProperty(x =&gt; x.IsDeleted, true)</c>),
/// and relationship semantics: a required relationship cascades unless configured otherwise, an optional one
/// (nullable FK) does not, a key member without a navigation is no relationship at all.
/// </summary>
internal sealed class DeletionModel
{
    private static readonly string[] RepositoryDeleteWords = { "Delete", "Remove", "Erase", "Purge" };
    private static readonly string[] EfRemoveMethods = { "Remove", "RemoveRange" };
    private static readonly ImmutableHashSet<string> DeletedWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Deleted", "Removed", "Erased", "Purged", "Deletion", "Trashed");

    private static readonly ImmutableHashSet<string> NameHintNoise = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Async", "By", "Id", "Ids", "Key", "Range", "All", "Many", "For", "Of");

    private static readonly Regex DeleteFrom = new(
        @"\bDELETE\s+(?:FROM\s+)?(?:[\[""`]?\w+[\]""`]?\.)?[\[""`]?(?<table>\w+)[\]""`]?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(100));

    private readonly PersistenceModel persistence;
    private readonly INamedTypeSymbol? queryableExtensions;
    private readonly INamedTypeSymbol? relationalQueryableExtensions;
    private readonly INamedTypeSymbol? databaseFacadeExtensions;
    private readonly INamedTypeSymbol? updateSettersBuilder;
    private readonly INamedTypeSymbol? setPropertyCalls;
    private readonly INamedTypeSymbol? deleteBehavior;
    private readonly INamedTypeSymbol? entityTypeBuilder;
    private readonly INamedTypeSymbol? referenceCollectionBuilder;
    private readonly INamedTypeSymbol? referenceReferenceBuilder;
    private readonly INamedTypeSymbol? foreignKeyAttribute;
    private readonly INamedTypeSymbol? requiredAttribute;

    private DeletionModel(Compilation compilation, PersistenceModel persistence)
    {
        var types = WellKnownTypes.For(compilation);
        this.persistence = persistence;
        this.queryableExtensions = types.Get(WellKnownTypeNames.EfQueryableExtensions);
        this.relationalQueryableExtensions = types.Get(WellKnownTypeNames.EfRelationalQueryableExtensions);
        this.databaseFacadeExtensions = types.Get(WellKnownTypeNames.EfRelationalDatabaseFacadeExtensions);
        this.updateSettersBuilder = types.Get(WellKnownTypeNames.EfUpdateSettersBuilder1);
        this.setPropertyCalls = types.Get(WellKnownTypeNames.EfSetPropertyCalls1);
        this.deleteBehavior = types.Get(WellKnownTypeNames.EfDeleteBehavior);
        this.entityTypeBuilder = types.Get(WellKnownTypeNames.EfEntityTypeBuilder1);
        this.referenceCollectionBuilder = types.Get(WellKnownTypeNames.EfReferenceCollectionBuilder2);
        this.referenceReferenceBuilder = types.Get(WellKnownTypeNames.EfReferenceReferenceBuilder2);
        this.foreignKeyAttribute = types.Get(WellKnownTypeNames.ForeignKeyAttribute);
        this.requiredAttribute = types.Get(WellKnownTypeNames.RequiredAttribute);
    }

    public static DeletionModel For(Compilation compilation, PersistenceModel persistence) => new(compilation, persistence);

    /// <summary>The deletion a call performs, or null. <paramref name="configured"/>: the <c>deletion_methods</c> in force.</summary>
    public DeletionCall? GetDeletion(IInvocationOperation invocation, SymbolSet configured)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (configured.Contains(method))
        {
            return new DeletionCall(DeletionKind.Configured, this.persistence.ArgumentEntities(invocation).AddRange(TypeArgumentsOf(type)), ImmutableArray<string>.Empty, null, null);
        }

        // Names first (cheap), base-type walks after.
        if (!MayBeDeletion(method.Name))
        {
            return null;
        }

        var isRemove = PersistenceModel.IsOneOf(method.Name, EfRemoveMethods);
        if (isRemove && this.persistence.DbSet is { } dbSet && type.IsOrDerivesFrom(dbSet))
        {
            return Entities(DeletionKind.Remove, PersistenceModel.DbSetEntity(type, dbSet));
        }

        if (isRemove && this.persistence.DbContext is { } dbContext && type.IsOrDerivesFrom(dbContext))
        {
            return new DeletionCall(DeletionKind.Remove, this.persistence.ArgumentEntities(invocation), ImmutableArray<string>.Empty, null, null);
        }

        if (method.Name is "ExecuteDelete" or "ExecuteDeleteAsync" && method.Arity == 1 &&
            (IsType(type, this.queryableExtensions) || IsType(type, this.relationalQueryableExtensions)))
        {
            return Entities(DeletionKind.ExecuteDelete, method.TypeArguments[0] as INamedTypeSymbol);
        }

        if (this.persistence.UserManager is { } userManager && method.Name == "DeleteAsync" &&
            PersistenceModel.FindConstruction(type, userManager) is { } manager)
        {
            return Entities(DeletionKind.UserManager, manager.TypeArguments[0] as INamedTypeSymbol);
        }

        if (method.Name.StartsWith("ExecuteSql", StringComparison.Ordinal) && IsType(type, this.databaseFacadeExtensions) &&
            invocation.Arguments.Length > 1 && SqlText(invocation.Arguments[1].Value) is { } sql &&
            DeletedTable(sql) is { } table)
        {
            return new DeletionCall(DeletionKind.Sql, ImmutableArray<INamedTypeSymbol>.Empty, ImmutableArray<string>.Empty, table, sql);
        }

        if (this.persistence.IsRepositoryMethod(method, RepositoryDeleteWords))
        {
            return new DeletionCall(
                DeletionKind.Repository,
                this.persistence.ArgumentEntities(invocation).AddRange(TypeArgumentsOf(type)),
                RepositoryNameHints(method),
                null,
                null);
        }

        return null;
    }

    /// <summary>
    /// False when no call of a method with this name is a built-in deletion (<see cref="GetDeletion"/> asks it after the
    /// configured methods): EF Core's Remove/RemoveRange and ExecuteDelete, <c>DeleteAsync</c>, <c>ExecuteSql*</c>, and
    /// repository methods starting with Delete/Remove/Erase/Purge.
    /// </summary>
    public static bool MayBeDeletion(string name) =>
        PersistenceModel.StartsWithAny(name, RepositoryDeleteWords) || name.StartsWith("ExecuteDelete", StringComparison.Ordinal) ||
        name.StartsWith("ExecuteSql", StringComparison.Ordinal);

    /// <summary>
    /// False when no call of a method with this name configures the model the deletion rules read: a soft delete in
    /// <c>SetProperty</c> (<see cref="GetSoftDeleteSetter"/>), <c>OnDelete</c>/<c>IsRequired</c>
    /// (<see cref="GetRelationshipSettings"/>), <c>ToTable</c> (<see cref="TryGetTableName"/>); each asks its own name first.
    /// </summary>
    public static bool MayConfigure(string name) => name is "SetProperty" or "OnDelete" or "IsRequired" or "ToTable";

    private static DeletionCall? Entities(DeletionKind kind, INamedTypeSymbol? entity) =>
        entity is null ? null : new DeletionCall(kind, ImmutableArray.Create(entity), ImmutableArray<string>.Empty, null, null);

    private static bool IsType(ITypeSymbol type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected.OriginalDefinition);

    /// <summary>Type arguments of a generic repository (<c>IRepository&lt;Recording&gt;</c>), its base types and interfaces.</summary>
    private static IEnumerable<INamedTypeSymbol> TypeArgumentsOf(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var argument in current.TypeArguments.OfType<INamedTypeSymbol>())
            {
                yield return argument;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            foreach (var argument in implemented.TypeArguments.OfType<INamedTypeSymbol>())
            {
                yield return argument;
            }
        }
    }

    /// <summary>
    /// Entity names a repository method may delete: from its type (<c>ITranscriptRepository</c>,
    /// <c>TranscriptStore</c> → Transcript) and its own name (<c>DeleteTranscriptsAsync</c> → Transcripts).
    /// </summary>
    private static ImmutableArray<string> RepositoryNameHints(IMethodSymbol method)
    {
        var hints = ImmutableArray.CreateBuilder<string>();
        var typeWords = IdentifierWords.Split(method.ContainingType.Name);
        if (typeWords.Length > 1)
        {
            var start = typeWords[0] == "I" ? 1 : 0;
            hints.Add(string.Concat(typeWords.Skip(start).Take(typeWords.Length - start - 1)));
        }

        var methodWords = IdentifierWords.Split(method.Name);
        var rest = string.Concat(methodWords.Skip(1).TakeWhile(w => !NameHintNoise.Contains(w)));
        if (rest.Length > 0)
        {
            hints.Add(rest);
        }

        return hints.ToImmutable();
    }

    /// <summary>The entity type names <paramref name="hint"/> may name: itself, or its singular ("Recordings", "Addresses").</summary>
    public static IEnumerable<string> NamesHintedBy(string hint)
    {
        yield return hint;
        if (hint.EndsWith("s", StringComparison.OrdinalIgnoreCase))
        {
            yield return hint.Substring(0, hint.Length - 1);
        }

        if (hint.EndsWith("es", StringComparison.OrdinalIgnoreCase))
        {
            yield return hint.Substring(0, hint.Length - 2);
        }
    }

    /// <summary>The text of SQL passed as a constant string or an interpolated string (holes left out).</summary>
    private static string? SqlText(IOperation value)
    {
        value = value.WalkDownConversions();
        if (value.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        if (value is IInterpolatedStringOperation interpolated)
        {
            var text = new StringBuilder();
            foreach (var part in interpolated.Parts)
            {
                text.Append(part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal } ? literal : " ? ");
            }

            return text.ToString();
        }

        return null;
    }

    private static string? DeletedTable(string sql)
    {
        try
        {
            var match = DeleteFrom.Match(sql);
            return match.Success ? match.Groups["table"].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>A table name configured with <c>ToTable("name")</c> on <c>EntityTypeBuilder&lt;T&gt;</c>.</summary>
    public bool TryGetTableName(IInvocationOperation invocation, out INamedTypeSymbol? entity, out string? table)
    {
        entity = null;
        table = null;
        var method = invocation.TargetMethod;
        if (method.Name != "ToTable" || this.entityTypeBuilder is null || invocation.Arguments.Length < 2)
        {
            return false;
        }

        var receiver = method.IsExtensionMethod || method.ReducedFrom is not null ? invocation.Arguments[0].Value.WalkDownConversions().Type : invocation.Instance?.Type;
        if (receiver is not INamedTypeSymbol builder || PersistenceModel.FindConstruction(builder, this.entityTypeBuilder) is not { } construction ||
            invocation.Arguments[1].Value.ConstantValue is not { HasValue: true, Value: string name })
        {
            return false;
        }

        entity = construction.TypeArguments[0] as INamedTypeSymbol;
        table = name;
        return entity is not null;
    }

    /// <summary>The relationship setting of an <c>OnDelete(DeleteBehavior.X)</c> or <c>IsRequired(bool)</c> call on a relationship builder.</summary>
    public ImmutableArray<RelationshipSetting> GetRelationshipSettings(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("OnDelete" or "IsRequired") || method.ContainingType is not { } builder)
        {
            return ImmutableArray<RelationshipSetting>.Empty;
        }

        bool? cascades = null;
        bool? required = null;
        if (method.Name == "OnDelete")
        {
            if (invocation.Arguments.Length != 1 || BehaviorName(invocation.Arguments[0].Value) is not { } behavior)
            {
                return ImmutableArray<RelationshipSetting>.Empty;
            }

            cascades = behavior is "Cascade" or "ClientCascade";
        }
        else
        {
            required = invocation.Arguments.Length == 0 || !ConstantValues.TryGetBoolean(invocation.Arguments[0].Value, out var value) || value;
        }

        if (this.referenceCollectionBuilder is { } oneToMany && PersistenceModel.FindConstruction(builder, oneToMany) is { } collection &&
            collection.TypeArguments[0] is INamedTypeSymbol principal && collection.TypeArguments[1] is INamedTypeSymbol dependent)
        {
            return ImmutableArray.Create(new RelationshipSetting(principal, dependent, cascades, required));
        }

        // One-to-one: which side is the dependent depends on HasForeignKey; the setting applies to both readings.
        if (this.referenceReferenceBuilder is { } oneToOne && PersistenceModel.FindConstruction(builder, oneToOne) is { } reference &&
            reference.TypeArguments[0] is INamedTypeSymbol first && reference.TypeArguments[1] is INamedTypeSymbol second)
        {
            return ImmutableArray.Create(
                new RelationshipSetting(first, second, cascades, required),
                new RelationshipSetting(second, first, cascades, required));
        }

        return ImmutableArray<RelationshipSetting>.Empty;
    }

    private string? BehaviorName(IOperation value)
    {
        value = value.WalkDownConversions();
        if (this.deleteBehavior is null)
        {
            return null;
        }

        if (value is IFieldReferenceOperation { Field: var field } && SymbolEqualityComparer.Default.Equals(field.ContainingType, this.deleteBehavior))
        {
            return field.Name;
        }

        if (value.ConstantValue.HasValue)
        {
            foreach (var member in this.deleteBehavior.GetMembers().OfType<IFieldSymbol>())
            {
                if (member.HasConstantValue && Equals(member.ConstantValue, value.ConstantValue.Value))
                {
                    return member.Name;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// How <paramref name="dependent"/> refers to <paramref name="principal"/> by convention (before any
    /// OnDelete/IsRequired configuration), and the member that does it.
    /// </summary>
    public ReferenceKind FindReference(INamedTypeSymbol principal, INamedTypeSymbol dependent, out ISymbol? via)
    {
        via = null;
        if (SymbolEqualityComparer.Default.Equals(principal, dependent))
        {
            return ReferenceKind.None;
        }

        IPropertySymbol? navigation = null;
        foreach (var member in PersonalDataModel.InstanceDataMembers(dependent).OfType<IPropertySymbol>())
        {
            if (SymbolEqualityComparer.Default.Equals(member.Type.OriginalDefinition, principal.OriginalDefinition))
            {
                navigation = member;
                break;
            }
        }

        IPropertySymbol? inverseCollection = null;
        foreach (var member in PersonalDataModel.InstanceDataMembers(principal).OfType<IPropertySymbol>())
        {
            if (member.Type.SpecialType != SpecialType.System_String && member.Type is not INamedTypeSymbol { Arity: 0 } &&
                this.persistence.EntityOf(member.Type) is { } element && SymbolEqualityComparer.Default.Equals(element.OriginalDefinition, dependent.OriginalDefinition))
            {
                inverseCollection = member;
                break;
            }
        }

        var foreignKey = this.FindForeignKey(principal, dependent, navigation);
        if (navigation is null && inverseCollection is null)
        {
            via = foreignKey;
            return foreignKey is null ? ReferenceKind.None : ReferenceKind.KeyOnly;
        }

        via = (ISymbol?)navigation ?? inverseCollection;
        if (foreignKey is not null)
        {
            return this.IsRequiredMember(foreignKey, foreignKey.Type) ? ReferenceKind.Required : ReferenceKind.Optional;
        }

        return navigation is not null && this.IsRequiredMember(navigation, navigation.Type) ? ReferenceKind.Required : ReferenceKind.Optional;
    }

    private IPropertySymbol? FindForeignKey(INamedTypeSymbol principal, INamedTypeSymbol dependent, IPropertySymbol? navigation)
    {
        var names = new List<string> { principal.Name + "Id" };
        if (navigation is not null)
        {
            names.Insert(0, navigation.Name + "Id");
            if (this.ForeignKeyName(navigation) is { } named)
            {
                names.Insert(0, named);
            }
        }

        var members = PersonalDataModel.InstanceDataMembers(dependent).OfType<IPropertySymbol>().ToList();
        foreach (var member in members)
        {
            if (navigation is not null && this.ForeignKeyName(member) == navigation.Name)
            {
                return member;
            }
        }

        foreach (var name in names)
        {
            var match = members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private string? ForeignKeyName(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (this.foreignKeyAttribute is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, this.foreignKeyAttribute) &&
                attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return null;
    }

    private bool IsRequiredMember(ISymbol member, ITypeSymbol type)
    {
        if (this.requiredAttribute is not null &&
            member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, this.requiredAttribute)))
        {
            return true;
        }

        if (type.IsValueType)
        {
            return type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
        }

        // A reference-typed key or navigation is required only when nullable annotations say it cannot be null.
        var annotation = member is IPropertySymbol property ? property.NullableAnnotation : NullableAnnotation.None;
        return annotation == NullableAnnotation.NotAnnotated;
    }

    /// <summary>
    /// A soft delete: <c>IsDeleted = true</c>, <c>DeletedAt = ...</c>, <c>Status = Status.Deleted</c>. Returns the
    /// entity type whose member is set, or null.
    /// </summary>
    public static ITypeSymbol? GetSoftDelete(ISimpleAssignmentOperation assignment, out ISymbol? member)
    {
        member = null;
        var (target, instance, type) = assignment.Target switch
        {
            IPropertyReferenceOperation p => ((ISymbol?)p.Property, p.Instance, p.Property.Type),
            IFieldReferenceOperation f => (f.Field, f.Instance, f.Field.Type),
            _ => (null, null, null),
        };

        if (target is null || type is null || !IsSoftDeleteValue(target.Name, type, assignment.Value))
        {
            return null;
        }

        member = target;
        return instance?.Type ?? target.ContainingType;
    }

    /// <summary>
    /// A soft delete in a bulk update: <c>ExecuteUpdate(s =&gt; s.SetProperty(x =&gt; x.IsDeleted, true))</c>.
    /// Returns the entity type, or null.
    /// </summary>
    public ITypeSymbol? GetSoftDeleteSetter(IInvocationOperation invocation, out ISymbol? member)
    {
        member = null;
        var method = invocation.TargetMethod;
        if (method.Name != "SetProperty" || method.ContainingType is not { Arity: 1 } builder ||
            !(IsType(builder, this.updateSettersBuilder) || IsType(builder, this.setPropertyCalls)) || invocation.Arguments.Length != 2)
        {
            return null;
        }

        var property = invocation.Arguments[0].Value.DescendantsAndSelf().OfType<IPropertyReferenceOperation>().FirstOrDefault()?.Property;
        if (property is null)
        {
            return null;
        }

        var value = invocation.Arguments[1].Value.WalkDownConversions();
        if (value.DescendantsAndSelf().OfType<IReturnOperation>().FirstOrDefault() is { ReturnedValue: { } returned })
        {
            value = returned;
        }

        if (!IsSoftDeleteValue(property.Name, property.Type, value))
        {
            return null;
        }

        member = property;
        return builder.TypeArguments[0];
    }

    /// <summary>True for a member whose name marks rows as deleted (<c>IsDeleted</c>, <c>DeletedAt</c>, <c>Removed</c>...).</summary>
    public static bool IsDeletedFlagName(string name) => MayBeDeletedFlagName(name) && IdentifierWords.Split(name).AnyIn(DeletedWords);

    /// <summary>
    /// A cheap necessary condition for <see cref="IsDeletedFlagName"/> (no splitting, no allocation): the name
    /// contains a stem of one of the deleted words (Deleted/Deletion, Removed, Erased, Purged, Trashed).
    /// </summary>
    /// <remarks>
    /// One pass over the name, ASCII letters folded by hand: asked of every property read and assignment of the
    /// compilation, where five case-insensitive <c>IndexOf</c> calls each scanned the whole name.
    /// </remarks>
    public static bool MayBeDeletedFlagName(string name)
    {
        for (var i = 0; i + 3 < name.Length; i++)
        {
            switch (name[i] | 0x20)
            {
                case 'e' when (IsLetter(name, i + 1, 'l') && IsLetter(name, i + 2, 'e') && IsLetter(name, i + 3, 't')) ||
                              (IsLetter(name, i + 1, 'm') && IsLetter(name, i + 2, 'o') && IsLetter(name, i + 3, 'v')):
                case 'r' when IsLetter(name, i + 1, 'a') && IsLetter(name, i + 2, 's') && (IsLetter(name, i + 3, 'e') || IsLetter(name, i + 3, 'h')):
                case 'u' when IsLetter(name, i + 1, 'r') && IsLetter(name, i + 2, 'g') && IsLetter(name, i + 3, 'e'):
                    return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="name"/>[<paramref name="index"/>] is the ASCII letter <paramref name="lower"/>, in either case (only it and its capital give it with 0x20 set).</summary>
    private static bool IsLetter(string name, int index, char lower) => (name[index] | 0x20) == lower;

    private static bool IsSoftDeleteValue(string memberName, ITypeSymbol memberType, IOperation value)
    {
        // Only a deleted word, or a last word Status/State, can make a soft delete: check before splitting.
        if (!MayBeDeletedFlagName(memberName) && memberName.IndexOf("Status", StringComparison.Ordinal) < 0 && memberName.IndexOf("State", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        var words = IdentifierWords.Split(memberName);
        if (words.AnyIn(DeletedWords))
        {
            var type = memberType.UnwrapNullable();
            return type.SpecialType == SpecialType.System_Boolean
                ? ConstantValues.TryGetBoolean(value, out var flag) && flag
                : !IsClearingValue(value);
        }

        if (words.Length > 0 && words[words.Length - 1] is "Status" or "State")
        {
            value = value.WalkDownConversions();
            var text = value switch
            {
                IFieldReferenceOperation field => field.Field.Name,
                _ when value.ConstantValue is { HasValue: true, Value: string s } => s,
                _ => null,
            };

            return text is not null && IdentifierWords.Split(text).AnyIn(DeletedWords);
        }

        return false;
    }

    /// <summary><c>null</c>, <c>""</c>, <c>default</c>, <c>string.Empty</c>, <c>Array.Empty&lt;T&gt;()</c>: the value that clears a member.</summary>
    public static bool IsClearingValue(IOperation value)
    {
        value = value.WalkDownConversions();
        return value switch
        {
            IDefaultValueOperation => true,
            IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true } field } => field.ContainingType.SpecialType == SpecialType.System_String,
            IInvocationOperation { TargetMethod: { Name: "Empty", IsStatic: true } } => true,
            _ => value.ConstantValue is { HasValue: true, Value: null or "" },
        };
    }
}
