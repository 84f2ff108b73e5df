using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PrivacyAnalyzers.Corpus;

/// <summary>
/// Generates a <see cref="SyntheticCorpus"/>: the same seed and size always give the same text. The application
/// is made of modules (one namespace each: entities, a DbContext, services, controllers, minimal-API endpoints,
/// sometimes an account controller, Identity options and device code), plus shared Identity and device types and a
/// Program.cs that wires every module. Risky variants are chosen with the probabilities below, so the number of
/// planted patterns grows with the size at a known rate.
/// </summary>
public sealed class CorpusGenerator
{
    /// <summary>Probability that a sign-in call turns lockout off.</summary>
    public const double SignInWithoutLockoutRate = 0.3;

    /// <summary>Probability that an Identity option is set to a weak value.</summary>
    public const double WeakIdentityOptionRate = 0.3;

    /// <summary>Probability that a recording download skips the owner check.</summary>
    public const double RecordingWithoutOwnerCheckRate = 0.3;

    /// <summary>Probability that a delete only sets a flag.</summary>
    public const double SoftDeleteRate = 0.25;

    /// <summary>Probability that a log line that could name a person does.</summary>
    public const double PersonalDataLoggedRate = 0.2;

    /// <summary>Probability that a location read or microphone start skips the consent check.</summary>
    public const double WithoutConsentRate = 0.3;

    private static readonly string[] Areas =
    {
        "Billing", "Cameras", "Households", "Devices", "Support", "Sharing", "Alerts", "Firmware", "Subscriptions",
        "Insights", "Reports", "Storage", "Notifications", "Accounts", "Scheduling", "Voice", "Locations", "Payments",
        "Partners", "Monitoring",
    };

    private static readonly string[] PlainEntities =
    {
        "Invoice", "Payment", "Subscription", "Household", "Member", "Notification", "Schedule", "Zone", "Alert",
        "Ticket", "Address", "Order", "Shipment", "Review", "Device", "Sensor", "Plan", "Voucher", "Rule", "Share",
        "Contact", "Report", "Tag", "FirmwareImage",
    };

    private static readonly string[] RecordingEntities = { "Clip", "Recording", "Snapshot", "VoiceNote", "Transcript" };

    private static readonly (string Name, string Type, string Default)[] StringProperties =
    {
        ("Name", "string", " = string.Empty;"), ("Title", "string", " = string.Empty;"), ("Description", "string", " = string.Empty;"),
        ("Email", "string", " = string.Empty;"), ("PhoneNumber", "string", " = string.Empty;"), ("DisplayName", "string", " = string.Empty;"),
        ("Notes", "string", " = string.Empty;"), ("Reference", "string", " = string.Empty;"), ("City", "string", " = string.Empty;"),
        ("Label", "string", " = string.Empty;"), ("Status", "string", " = \"new\";"),
    };

    private static readonly (string Name, string Type, string Default)[] IntProperties =
    {
        ("Quantity", "int", string.Empty), ("Priority", "int", string.Empty), ("Rating", "int", string.Empty),
        ("Position", "int", string.Empty), ("DurationSeconds", "int", string.Empty), ("RetryCount", "int", string.Empty),
    };

    private static readonly (string Name, string Type, string Default)[] OtherProperties =
    {
        ("Amount", "decimal", string.Empty), ("Price", "decimal", string.Empty), ("IsActive", "bool", string.Empty),
        ("IsPinned", "bool", string.Empty), ("UpdatedAt", "DateTimeOffset", string.Empty), ("ExpiresAt", "DateTimeOffset?", string.Empty),
    };

    private static readonly string[] PersonalProperties = { "Email", "PhoneNumber", "DisplayName" };

    private readonly Random random;
    private readonly Dictionary<string, int> planted = PlantedPattern.All.ToDictionary(p => p, _ => 0);
    private readonly List<CorpusFile> files = new();
    private readonly List<Module> modules = new();

    private CorpusGenerator(int seed) => this.random = new Random(seed);

    /// <summary>Generates about <paramref name="targetLines"/> lines (at least that many, at most one module more).</summary>
    public static SyntheticCorpus Generate(int targetLines, int seed = 42)
    {
        if (targetLines < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(targetLines), targetLines, "at least one line");
        }

        var generator = new CorpusGenerator(seed);
        generator.AddSharedTypes();
        while (generator.files.Sum(f => f.Lines) + generator.EstimatedProgramLines() < targetLines)
        {
            generator.AddModule();
        }

        generator.AddProgram();
        return new SyntheticCorpus(seed, targetLines, generator.files, generator.planted);
    }

    private bool Chance(double probability) => this.random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[this.random.Next(items.Count)];

    private bool Plant(string pattern, double rate)
    {
        if (!this.Chance(rate))
        {
            return false;
        }

        this.planted[pattern]++;
        return true;
    }

    private void Add(string path, CodeWriter writer) => this.files.Add(new CorpusFile(path, writer.ToString(), writer.Lines));

    private int EstimatedProgramLines() => 20 + this.modules.Sum(m => 3 + m.Entities.Count);

    private static string Plural(string name) =>
        name.EndsWith('s') ? name + "es" :
        name.EndsWith('y') ? name[..^1] + "ies" :
        name + "s";

    private static string Lower(string name) => name.ToLowerInvariant();

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string text) => "\"" + text + "\"";

    private void AddSharedTypes()
    {
        var identity = new CodeWriter();
        identity.Line("using Microsoft.AspNetCore.Identity;").Line();
        identity.Line("namespace Contoso.Identity;").Line();
        identity.Line("/// <summary>The application's user.</summary>");
        identity.Open("public sealed class AppUser : IdentityUser");
        identity.Line("public string DisplayName { get; set; } = string.Empty;").Line();
        identity.Line("public string? HouseholdId { get; set; }");
        identity.Close().Line();
        identity.Line("public sealed record LoginRequest(string Email, string Password, bool RememberMe);");
        this.Add("/corpus/Identity/AppUser.cs", identity);

        var devices = new CodeWriter();
        devices.Line("using System;").Line("using System.Threading;").Line("using System.Threading.Tasks;").Line();
        devices.Line("namespace Contoso.Platform.Devices;").Line();
        devices.Line("/// <summary>A position fix from the phone or camera.</summary>");
        devices.Line("public readonly record struct GeoPosition(double Latitude, double Longitude, double AccuracyMeters);").Line();
        devices.Open("public interface ILocationProvider");
        devices.Line("Task<GeoPosition> GetCurrentPositionAsync(CancellationToken cancellationToken = default);");
        devices.Close().Line();
        devices.Open("public interface IMicrophone");
        devices.Line("bool IsRecording { get; }").Line();
        devices.Line("void StartRecording();").Line();
        devices.Line("Task<byte[]> StopRecordingAsync(CancellationToken cancellationToken = default);");
        devices.Close().Line();
        devices.Open("public interface IConsentStore");
        devices.Line("Task<bool> HasConsentAsync(string userId, string purpose, CancellationToken cancellationToken = default);");
        devices.Close();
        this.Add("/corpus/Platform/Devices.cs", devices);
    }

    private void AddModule()
    {
        var area = this.Pick(Areas);
        var module = new Module(area + Int(this.modules.Count + 1));
        var pool = PlainEntities.OrderBy(_ => this.random.Next()).Take(this.random.Next(1, 4)).ToList();
        if (this.Chance(0.5))
        {
            pool.Add(this.Pick(RecordingEntities));
        }

        foreach (var name in pool)
        {
            module.Entities.Add(this.NewEntity(name, RecordingEntities.Contains(name)));
        }

        this.modules.Add(module);
        this.AddModels(module);
        this.AddDbContext(module);
        foreach (var entity in module.Entities)
        {
            this.AddService(module, entity);
            this.AddController(module, entity);
        }

        this.AddEndpoints(module);
        if (this.Chance(0.35))
        {
            module.HasAccountController = true;
            this.AddAccountController(module);
        }

        if (this.Chance(0.2))
        {
            module.HasIdentitySetup = true;
            this.AddIdentitySetup(module);
        }

        if (this.Chance(0.3))
        {
            module.HasDeviceTracker = true;
            this.AddDeviceTracker(module);
        }
    }

    private Entity NewEntity(string name, bool isRecording)
    {
        var properties = new List<(string Name, string Type, string Default)>
        {
            this.Pick(StringProperties),
            this.Pick(IntProperties),
        };
        var extra = StringProperties.Concat(IntProperties).Concat(OtherProperties)
            .Where(p => properties.All(q => q.Name != p.Name))
            .OrderBy(_ => this.random.Next())
            .Take(this.random.Next(1, 6));
        properties.AddRange(extra);
        return new Entity(name, isRecording, properties);
    }

    private void AddModels(Module module)
    {
        var w = new CodeWriter();
        w.Line("using System;").Line();
        w.Line("namespace Contoso." + module.Name + ";").Line();
        foreach (var entity in module.Entities)
        {
            w.Line("/// <summary>A " + Lower(entity.Name) + " owned by one customer.</summary>");
            w.Open("public class " + entity.Name);
            w.Line("public int Id { get; set; }").Line();
            w.Line("public string OwnerId { get; set; } = string.Empty;").Line();
            w.Line("public DateTimeOffset CreatedAt { get; set; }").Line();
            w.Line("public bool IsDeleted { get; set; }");
            foreach (var (name, type, initializer) in entity.Properties)
            {
                w.Line().Line("public " + type + " " + name + " { get; set; }" + initializer);
            }

            if (entity.IsRecording)
            {
                w.Line().Line("public byte[] Data { get; set; } = Array.Empty<byte>();");
                w.Line().Line("public string ContentType { get; set; } = \"video/mp4\";");
            }

            w.Close().Line();
            w.Line("public sealed record " + entity.Name + "Dto(int Id, string OwnerId, DateTimeOffset CreatedAt, " + entity.Text.Type + " " + entity.Text.Name + ");").Line();
            w.Line("public sealed record Create" + entity.Name + "Request(" + string.Join(", ", entity.Properties.Select(p => p.Type + " " + p.Name)) + ");").Line();
        }

        this.Add("/corpus/" + module.Name + "/Models.cs", w);
    }

    private void AddDbContext(Module module)
    {
        var w = new CodeWriter();
        w.Line("using Microsoft.EntityFrameworkCore;").Line();
        w.Line("namespace Contoso." + module.Name + ";").Line();
        w.Open("public sealed class " + module.Context + " : DbContext");
        w.Line("public " + module.Context + "(DbContextOptions<" + module.Context + "> options)");
        w.Line("    : base(options)");
        w.Line("{").Line("}").Line();
        foreach (var entity in module.Entities)
        {
            w.Line("public DbSet<" + entity.Name + "> " + entity.Plural + " => this.Set<" + entity.Name + ">();").Line();
        }

        w.Open("protected override void OnModelCreating(ModelBuilder modelBuilder)");
        foreach (var entity in module.Entities)
        {
            w.Open("modelBuilder.Entity<" + entity.Name + ">(builder =>");
            w.Line("builder.HasKey(x => x.Id);");
            w.Line("builder.HasIndex(x => x.OwnerId);");
            w.Line("builder.HasQueryFilter(x => !x.IsDeleted);");
            if (entity.Text.Type == "string")
            {
                w.Line("builder.Property(x => x." + entity.Text.Name + ").HasMaxLength(" + Int(this.random.Next(50, 500)) + ");");
            }

            w.Close(");");
        }

        w.Close();
        w.Close();
        this.Add("/corpus/" + module.Name + "/" + module.Context + ".cs", w);
    }

    private void AddService(Module module, Entity entity)
    {
        var service = entity.Name + "Service";
        var w = new CodeWriter();
        w.Line("using System;").Line("using System.Collections.Generic;").Line("using System.Linq;").Line("using System.Text;");
        w.Line("using System.Threading;").Line("using System.Threading.Tasks;").Line("using Microsoft.EntityFrameworkCore;");
        w.Line("using Microsoft.Extensions.Logging;").Line();
        w.Line("namespace Contoso." + module.Name + ";").Line();
        w.Line("/// <summary>Business rules for " + Lower(entity.Plural) + ".</summary>");
        w.Open("public sealed class " + service);
        w.Line("private const int PageSize = " + Int(this.random.Next(20, 100)) + ";").Line();
        w.Line("private readonly " + module.Context + " db;").Line();
        w.Line("private readonly ILogger<" + service + "> logger;").Line();
        w.Open("public " + service + "(" + module.Context + " db, ILogger<" + service + "> logger)");
        w.Line("this.db = db;").Line("this.logger = logger;");
        w.Close().Line();

        w.Open("public async Task<IReadOnlyList<" + entity.Name + "Dto>> ListAsync(string ownerId, int page, CancellationToken cancellationToken)");
        w.Open("if (page < 0)");
        w.Line("throw new ArgumentOutOfRangeException(nameof(page), page, \"Pages start at zero.\");");
        w.Close().Line();
        w.Line("var items = await this.db." + entity.Plural + ".AsNoTracking()");
        w.Line("    .Where(x => x.OwnerId == ownerId)");
        w.Line("    .OrderByDescending(x => x.CreatedAt)");
        w.Line("    .Skip(page * PageSize)");
        w.Line("    .Take(PageSize)");
        w.Line("    .ToListAsync(cancellationToken);");
        w.Line("this.logger.LogDebug(\"Listed {Count} " + Lower(entity.Plural) + " on page {Page}\", items.Count, page);");
        w.Line("return items.Select(ToDto).ToList();");
        w.Close().Line();

        w.Open("public async Task<" + entity.Name + "Dto> CreateAsync(string ownerId, Create" + entity.Name + "Request request, CancellationToken cancellationToken)");
        w.Open("var entity = new " + entity.Name);
        w.Line("OwnerId = ownerId,");
        w.Line("CreatedAt = DateTimeOffset.UtcNow,");
        foreach (var property in entity.Properties)
        {
            w.Line(property.Name + " = request." + property.Name + ",");
        }

        w.Close(";");
        w.Line("this.db." + entity.Plural + ".Add(entity);");
        w.Line("await this.db.SaveChangesAsync(cancellationToken);");
        this.LogCreated(w, entity, "entity");
        w.Line("return ToDto(entity);");
        w.Close().Line();

        w.Open("public async Task<bool> DeleteAsync(string ownerId, int id, CancellationToken cancellationToken)");
        w.Line("var entity = await this.db." + entity.Plural + ".FirstOrDefaultAsync(x => x.Id == id && x.OwnerId == ownerId, cancellationToken);");
        w.Open("if (entity is null)");
        w.Line("return false;");
        w.Close().Line();
        if (this.Plant(PlantedPattern.SoftDeleteOnly, SoftDeleteRate))
        {
            w.Line("// Kept for the monthly report; hidden by the query filter.");
            w.Line("entity.IsDeleted = true;");
        }
        else
        {
            w.Line("this.db." + entity.Plural + ".Remove(entity);");
        }

        w.Line("await this.db.SaveChangesAsync(cancellationToken);");
        w.Line("this.logger.LogInformation(\"Deleted " + Lower(entity.Name) + " {Id}\", id);");
        w.Line("return true;");
        w.Close();

        var methods = this.random.Next(2, 9);
        for (var i = 0; i < methods; i++)
        {
            w.Line();
            this.AddBusinessMethod(w, entity, i);
        }

        w.Line();
        w.Line("private static " + entity.Name + "Dto ToDto(" + entity.Name + " x) => new(x.Id, x.OwnerId, x.CreatedAt, x." + entity.Text.Name + ");");
        w.Close();
        this.Add("/corpus/" + module.Name + "/" + service + ".cs", w);
    }

    private void LogCreated(CodeWriter w, Entity entity, string variable)
    {
        var personal = entity.Properties.Select(p => p.Name).FirstOrDefault(PersonalProperties.Contains);
        if (personal is not null && this.Plant(PlantedPattern.PersonalDataLogged, PersonalDataLoggedRate))
        {
            w.Line("this.logger.LogInformation(\"Created " + Lower(entity.Name) + " for {" + personal + "}\", " + variable + "." + personal + ");");
        }
        else
        {
            w.Line("this.logger.LogInformation(\"Created " + Lower(entity.Name) + " {Id}\", " + variable + ".Id);");
        }
    }

    private void AddBusinessMethod(CodeWriter w, Entity entity, int index)
    {
        var n = Int(index);
        var text = entity.Text.Name;
        var number = entity.Number.Name;
        switch (this.random.Next(8))
        {
            case 0:
                w.Open("public int Score" + n + "(IEnumerable<" + entity.Name + "> items)");
                w.Line("var score = 0;");
                w.Open("foreach (var item in items)");
                w.Open("if (item.IsDeleted)");
                w.Line("continue;");
                w.Close().Line();
                w.Open("score += item." + number + " switch");
                w.Line("< " + Int(this.random.Next(1, 10)) + " => 1,");
                w.Line("< " + Int(this.random.Next(10, 100)) + " => 2,");
                w.Line("_ => 3,");
                w.Close(";");
                w.Line("score += item.CreatedAt.Day % " + Int(this.random.Next(2, 7)) + ";");
                w.Close().Line();
                w.Line("return score;");
                w.Close();
                break;

            case 1:
                w.Open("public string Describe" + n + "(" + entity.Name + " item, int depth)");
                w.Line("var builder = new StringBuilder();");
                w.Open("for (var i = 0; i < depth; i++)");
                w.Open("if (i % " + Int(this.random.Next(2, 5)) + " == 0)");
                w.Line("builder.Append(item." + text + ").Append(' ');");
                w.Close();
                w.Open("else");
                w.Line("builder.Append(i).Append(',');");
                w.Close();
                w.Close().Line();
                w.Line("return builder.ToString().TrimEnd(',', ' ');");
                w.Close();
                break;

            case 2:
                w.Open("public Dictionary<string, int> CountByOwner" + n + "(IReadOnlyCollection<" + entity.Name + "> items)");
                w.Line("return items");
                w.Line("    .Where(x => !x.IsDeleted && x." + number + " >= " + Int(this.random.Next(0, 5)) + ")");
                w.Line("    .GroupBy(x => x.OwnerId)");
                w.Line("    .OrderBy(g => g.Key, StringComparer.Ordinal)");
                w.Line("    .ToDictionary(g => g.Key, g => g.Count());");
                w.Close();
                break;

            case 3:
                w.Open("public IReadOnlyList<string> Validate" + n + "(Create" + entity.Name + "Request request)");
                w.Line("var errors = new List<string>();");
                w.Open("if (request." + number + " < 0)");
                w.Line("errors.Add(\"" + number + " must not be negative.\");");
                w.Close().Line();
                if (entity.Text.Type == "string")
                {
                    w.Open("if (string.IsNullOrWhiteSpace(request." + text + "))");
                    w.Line("errors.Add(\"" + text + " is required.\");");
                    w.Close();
                    w.Open("else if (request." + text + ".Length > " + Int(this.random.Next(40, 400)) + ")");
                    w.Line("errors.Add(\"" + text + " is too long.\");");
                    w.Close().Line();
                }

                w.Line("return errors;");
                w.Close();
                break;

            case 4:
                w.Open("public async Task<int> SaveWithRetry" + n + "(CancellationToken cancellationToken)");
                w.Open("for (var attempt = 1; ; attempt++)");
                w.Open("try");
                w.Line("return await this.db.SaveChangesAsync(cancellationToken);");
                w.Close();
                w.Open("catch (DbUpdateConcurrencyException exception) when (attempt < " + Int(this.random.Next(2, 6)) + ")");
                w.Line("this.logger.LogWarning(exception, \"Concurrency conflict, attempt {Attempt}\", attempt);");
                w.Line("await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);");
                w.Close();
                w.Close();
                w.Close();
                break;

            case 5:
                w.Open("public static string Classify" + n + "(object? value)");
                w.Open("return value switch");
                w.Line("null => \"none\",");
                w.Line(entity.Name + " { IsDeleted: true } => \"deleted\",");
                w.Line(entity.Name + " { " + number + ": > " + Int(this.random.Next(10, 1000)) + " } item => \"large:\" + item.Id,");
                w.Line("string s when s.Length == 0 => \"empty\",");
                w.Line("int i => Fibonacci(i % 20).ToString(System.Globalization.CultureInfo.InvariantCulture),");
                w.Line("_ => value.GetType().Name,");
                w.Close(";").Line();
                w.Line("static long Fibonacci(int k) => k < 2 ? k : Fibonacci(k - 1) + Fibonacci(k - 2);");
                w.Close();
                break;

            case 6:
                w.Open("public IEnumerable<IReadOnlyList<" + entity.Name + ">> Batches" + n + "(IEnumerable<" + entity.Name + "> items)");
                w.Line("var batch = new List<" + entity.Name + ">(" + Int(this.random.Next(8, 64)) + ");");
                w.Open("foreach (var item in items)");
                w.Line("batch.Add(item);");
                w.Open("if (batch.Count == batch.Capacity)");
                w.Line("yield return batch;");
                w.Line("batch = new List<" + entity.Name + ">(batch.Capacity);");
                w.Close();
                w.Close().Line();
                w.Open("if (batch.Count > 0)");
                w.Line("yield return batch;");
                w.Close();
                w.Close();
                break;

            default:
                w.Open("public async Task<string> ExportCsv" + n + "(string ownerId, CancellationToken cancellationToken)");
                w.Line("var rows = await this.db." + entity.Plural + ".AsNoTracking().Where(x => x.OwnerId == ownerId).ToListAsync(cancellationToken);");
                w.Line("var lines = rows.Select(x => string.Join(';', x.Id, x.CreatedAt.ToString(\"O\", System.Globalization.CultureInfo.InvariantCulture), x." + text + "));");
                var personal = entity.Properties.Select(p => p.Name).FirstOrDefault(PersonalProperties.Contains);
                if (personal is not null && this.Plant(PlantedPattern.PersonalDataLogged, PersonalDataLoggedRate))
                {
                    w.Open("foreach (var row in rows)");
                    w.Line("this.logger.LogDebug(\"Exporting row for {" + personal + "}\", row." + personal + ");");
                    w.Close();
                }
                else
                {
                    w.Line("this.logger.LogDebug(\"Exporting {Count} rows\", rows.Count);");
                }

                w.Line("return string.Join('\\n', lines);");
                w.Close();
                break;
        }
    }

    private void AddController(Module module, Entity entity)
    {
        var controller = entity.Plural + "Controller";
        var service = entity.Name + "Service";
        var w = new CodeWriter();
        w.Line("using System.Collections.Generic;").Line("using System.Linq;").Line("using System.Security.Claims;");
        w.Line("using System.Threading;").Line("using System.Threading.Tasks;").Line("using Microsoft.AspNetCore.Authorization;");
        w.Line("using Microsoft.AspNetCore.Mvc;").Line("using Microsoft.EntityFrameworkCore;").Line("using Microsoft.Extensions.Logging;").Line();
        w.Line("namespace Contoso." + module.Name + ";").Line();
        w.Line("[ApiController]");
        w.Line("[Authorize]");
        w.Line("[Route(\"api/" + Lower(module.Name) + "/" + Lower(entity.Plural) + "\")]");
        w.Open("public sealed class " + controller + " : ControllerBase");
        w.Line("private readonly " + service + " service;").Line();
        w.Line("private readonly " + module.Context + " db;").Line();
        w.Line("private readonly ILogger<" + controller + "> logger;").Line();
        w.Open("public " + controller + "(" + service + " service, " + module.Context + " db, ILogger<" + controller + "> logger)");
        w.Line("this.service = service;").Line("this.db = db;").Line("this.logger = logger;");
        w.Close().Line();
        w.Line("private string CurrentUserId => this.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;").Line();

        w.Line("[HttpGet]");
        w.Line("public async Task<ActionResult<IReadOnlyList<" + entity.Name + "Dto>>> List([FromQuery] int page, CancellationToken cancellationToken) =>");
        w.Line("    this.Ok(await this.service.ListAsync(this.CurrentUserId, page, cancellationToken));").Line();

        w.Line("[HttpGet(\"{id:int}\")]");
        w.Open("public async Task<ActionResult<" + entity.Name + "Dto>> Get(int id, CancellationToken cancellationToken)");
        w.Line("var entity = await this.db." + entity.Plural + ".AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);");
        w.Open("if (entity is null || entity.OwnerId != this.CurrentUserId)");
        w.Line("return this.NotFound();");
        w.Close().Line();
        w.Line("return new " + entity.Name + "Dto(entity.Id, entity.OwnerId, entity.CreatedAt, entity." + entity.Text.Name + ");");
        w.Close().Line();

        w.Line("[HttpPost]");
        w.Open("public async Task<ActionResult<" + entity.Name + "Dto>> Create(Create" + entity.Name + "Request request, CancellationToken cancellationToken)");
        w.Open("if (!this.ModelState.IsValid)");
        w.Line("return this.ValidationProblem(this.ModelState);");
        w.Close().Line();
        w.Line("var created = await this.service.CreateAsync(this.CurrentUserId, request, cancellationToken);");
        w.Line("return this.CreatedAtAction(nameof(Get), new { id = created.Id }, created);");
        w.Close().Line();

        w.Line("[HttpDelete(\"{id:int}\")]");
        w.Line("public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>");
        w.Line("    await this.service.DeleteAsync(this.CurrentUserId, id, cancellationToken) ? this.NoContent() : this.NotFound();");

        if (entity.IsRecording)
        {
            w.Line();
            w.Line("[HttpGet(\"{id:int}/download\")]");
            w.Open("public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)");
            w.Line("var recording = await this.db." + entity.Plural + ".FindAsync(new object[] { id }, cancellationToken);");
            w.Open("if (recording is null)");
            w.Line("return this.NotFound();");
            w.Close().Line();
            if (!this.Plant(PlantedPattern.RecordingServedWithoutOwnerCheck, RecordingWithoutOwnerCheckRate))
            {
                w.Open("if (recording.OwnerId != this.CurrentUserId)");
                w.Line("return this.Forbid();");
                w.Close().Line();
            }

            w.Line("this.logger.LogInformation(\"Download of " + Lower(entity.Name) + " {Id}\", id);");
            w.Line("return this.File(recording.Data, recording.ContentType);");
            w.Close();
        }

        w.Close();
        this.Add("/corpus/" + module.Name + "/" + controller + ".cs", w);
    }

    private void AddEndpoints(Module module)
    {
        var prefix = "/m/" + Lower(module.Name);
        var w = new CodeWriter();
        w.Line("using System.Linq;").Line("using System.Security.Claims;").Line("using System.Threading;");
        w.Line("using Microsoft.AspNetCore.Builder;").Line("using Microsoft.AspNetCore.Http;").Line("using Microsoft.AspNetCore.Routing;");
        w.Line("using Microsoft.EntityFrameworkCore;").Line();
        w.Line("namespace Contoso." + module.Name + ";").Line();
        w.Line("/// <summary>The minimal API of the " + module.Name + " module.</summary>");
        w.Open("public static class " + module.Name + "Endpoints");
        w.Open("public static IEndpointRouteBuilder Map" + module.Name + "Endpoints(this IEndpointRouteBuilder app)");
        w.Line("var group = app.MapGroup(" + Quote(prefix) + ").RequireAuthorization();").Line();
        foreach (var entity in module.Entities)
        {
            var route = "/" + Lower(entity.Plural);
            w.Open("group.MapGet(" + Quote(route) + ", async (" + module.Context + " db, ClaimsPrincipal user, CancellationToken cancellationToken) =>");
            w.Line("var ownerId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;");
            w.Line("var count = await db." + entity.Plural + ".AsNoTracking().Where(x => x.OwnerId == ownerId).CountAsync(cancellationToken);");
            w.Line("return Results.Ok(count);");
            w.Close(");").Line();

            w.Line("group.MapGet(" + Quote(route + "/{id:int}") + ", async (int id, " + module.Context + " db, CancellationToken cancellationToken) =>");
            w.Line("    await db." + entity.Plural + ".FindAsync(new object[] { id }, cancellationToken) is { } found ? Results.Ok(found.Id) : Results.NotFound());").Line();

            w.Open("group.MapPost(" + Quote(route) + ", async (Create" + entity.Name + "Request request, " + entity.Name + "Service service, ClaimsPrincipal user, CancellationToken cancellationToken) =>");
            w.Line("var created = await service.CreateAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, request, cancellationToken);");
            w.Line("return Results.Created(" + Quote(prefix + route + "/") + " + created.Id, created);");
            w.Close(");").Line();

            if (entity.IsRecording)
            {
                w.Open("group.MapGet(" + Quote(route + "/{id:int}/content") + ", async (int id, " + module.Context + " db, ClaimsPrincipal user, CancellationToken cancellationToken) =>");
                w.Line("var recording = await db." + entity.Plural + ".FindAsync(new object[] { id }, cancellationToken);");
                w.Open("if (recording is null)");
                w.Line("return Results.NotFound();");
                w.Close().Line();
                if (!this.Plant(PlantedPattern.RecordingServedWithoutOwnerCheck, RecordingWithoutOwnerCheckRate))
                {
                    w.Open("if (recording.OwnerId != user.FindFirstValue(ClaimTypes.NameIdentifier))");
                    w.Line("return Results.Forbid();");
                    w.Close().Line();
                }

                w.Line("return Results.File(recording.Data, recording.ContentType);");
                w.Close(");").Line();
            }
        }

        w.Line("return app;");
        w.Close();
        w.Close();
        this.Add("/corpus/" + module.Name + "/" + module.Name + "Endpoints.cs", w);
    }

    private string LockoutArgument(CodeWriter w, string localName)
    {
        if (!this.Plant(PlantedPattern.SignInWithoutLockout, SignInWithoutLockoutRate))
        {
            return this.Chance(0.5) ? "lockoutOnFailure: true" : "true";
        }

        switch (this.random.Next(4))
        {
            case 0:
                return "lockoutOnFailure: false";
            case 1:
                return "false";
            case 2:
                w.Line("var " + localName + " = false;");
                return localName;
            default:
                return "LockoutOnFailure";
        }
    }

    private void AddAccountController(Module module)
    {
        var controller = module.Name + "AccountController";
        var w = new CodeWriter();
        w.Line("using System.Threading.Tasks;").Line("using Contoso.Identity;").Line("using Microsoft.AspNetCore.Identity;");
        w.Line("using Microsoft.AspNetCore.Mvc;").Line("using Microsoft.Extensions.Logging;").Line();
        w.Line("namespace Contoso." + module.Name + ";").Line();
        w.Line("[ApiController]");
        w.Line("[Route(\"api/" + Lower(module.Name) + "/account\")]");
        w.Open("public sealed class " + controller + " : ControllerBase");
        w.Line("private static readonly bool LockoutOnFailure = false;").Line();
        w.Line("private readonly SignInManager<AppUser> signInManager;").Line();
        w.Line("private readonly UserManager<AppUser> userManager;").Line();
        w.Line("private readonly ILogger<" + controller + "> logger;").Line();
        w.Open("public " + controller + "(SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, ILogger<" + controller + "> logger)");
        w.Line("this.signInManager = signInManager;").Line("this.userManager = userManager;").Line("this.logger = logger;");
        w.Close().Line();

        w.Line("[HttpPost(\"login\")]");
        w.Open("public async Task<IActionResult> Login(LoginRequest request)");
        var lockout = this.LockoutArgument(w, "lockout");
        w.Line("var result = await this.signInManager.PasswordSignInAsync(request.Email, request.Password, request.RememberMe, " + lockout + ");");
        w.Open("if (result.IsLockedOut)");
        w.Line("this.logger.LogWarning(\"Account locked out\");");
        w.Line("return this.StatusCode(423);");
        w.Close().Line();
        w.Line("return result.Succeeded ? this.Ok() : this.Unauthorized();");
        w.Close().Line();

        w.Line("[HttpPost(\"confirm-password\")]");
        w.Open("public async Task<IActionResult> ConfirmPassword([FromBody] string password)");
        w.Line("var account = await this.userManager.GetUserAsync(this.User);");
        w.Open("if (account is null)");
        w.Line("return this.Unauthorized();");
        w.Close().Line();
        lockout = this.LockoutArgument(w, "countFailures");
        w.Line("var result = await this.signInManager.CheckPasswordSignInAsync(account, password, " + lockout + ");");
        w.Line("return result.Succeeded ? this.Ok() : this.Unauthorized();");
        w.Close().Line();

        w.Line("[HttpPost(\"logout\")]");
        w.Open("public async Task<IActionResult> Logout()");
        w.Line("await this.signInManager.SignOutAsync();");
        w.Line("return this.NoContent();");
        w.Close();
        w.Close();
        this.Add("/corpus/" + module.Name + "/" + controller + ".cs", w);
    }

    private void WriteIdentityOptions(CodeWriter w, string options)
    {
        w.Line(options + ".Lockout.MaxFailedAccessAttempts = " + (this.Plant(PlantedPattern.WeakIdentityOption, WeakIdentityOptionRate) ? Int(this.random.Next(11, 100)) : Int(this.random.Next(3, 11))) + ";");
        w.Line(options + ".Lockout.DefaultLockoutTimeSpan = " + (this.Plant(PlantedPattern.WeakIdentityOption, WeakIdentityOptionRate)
            ? "TimeSpan.FromSeconds(" + Int(this.random.Next(5, 59)) + ")"
            : "TimeSpan.FromMinutes(" + Int(this.random.Next(5, 60)) + ")") + ";");
        w.Line(options + ".Password.RequiredLength = " + (this.Plant(PlantedPattern.WeakIdentityOption, WeakIdentityOptionRate) ? Int(this.random.Next(4, 8)) : Int(this.random.Next(8, 16))) + ";");
        if (this.Chance(0.5))
        {
            w.Line(options + ".Lockout.AllowedForNewUsers = " + (this.Plant(PlantedPattern.WeakIdentityOption, WeakIdentityOptionRate) ? "false" : "true") + ";");
        }

        w.Line(options + ".Password.RequireNonAlphanumeric = " + (this.Chance(0.5) ? "true" : "false") + ";");
        w.Line(options + ".SignIn.RequireConfirmedEmail = true;");
    }

    private void AddIdentitySetup(Module module)
    {
        var w = new CodeWriter();
        w.Line("using System;").Line("using Microsoft.AspNetCore.Identity;").Line("using Microsoft.Extensions.DependencyInjection;").Line();
        w.Line("namespace Contoso." + module.Name + ";").Line();
        w.Open("public static class " + module.Name + "IdentitySetup");
        w.Line("public static IServiceCollection Add" + module.Name + "Identity(this IServiceCollection services) =>");
        w.Line("    services.Configure<IdentityOptions>(options =>");
        w.Line("    {");
        this.WriteIdentityOptions(w, "        options");
        w.Line("    });");
        w.Close();
        this.Add("/corpus/" + module.Name + "/" + module.Name + "IdentitySetup.cs", w);
    }

    private void AddDeviceTracker(Module module)
    {
        var tracker = module.Name + "DeviceTracker";
        var w = new CodeWriter();
        w.Line("using System;").Line("using System.Threading;").Line("using System.Threading.Tasks;").Line("using Contoso.Platform.Devices;");
        w.Line("using Microsoft.Extensions.Logging;").Line();
        w.Line("namespace Contoso." + module.Name + ";").Line();
        w.Line("/// <summary>Where the customer's devices are and what they hear.</summary>");
        w.Open("public sealed class " + tracker);
        w.Line("private readonly ILocationProvider location;").Line();
        w.Line("private readonly IMicrophone microphone;").Line();
        w.Line("private readonly IConsentStore consent;").Line();
        w.Line("private readonly ILogger<" + tracker + "> logger;").Line();
        w.Open("public " + tracker + "(ILocationProvider location, IMicrophone microphone, IConsentStore consent, ILogger<" + tracker + "> logger)");
        w.Line("this.location = location;").Line("this.microphone = microphone;").Line("this.consent = consent;").Line("this.logger = logger;");
        w.Close().Line();

        w.Open("public async Task<GeoPosition?> LocateAsync(string userId, CancellationToken cancellationToken)");
        if (!this.Plant(PlantedPattern.LocationWithoutConsent, WithoutConsentRate))
        {
            w.Open("if (!await this.consent.HasConsentAsync(userId, \"location\", cancellationToken))");
            w.Line("return null;");
            w.Close().Line();
        }

        w.Line("var position = await this.location.GetCurrentPositionAsync(cancellationToken);");
        w.Line("this.logger.LogDebug(\"Located within {Accuracy} m\", position.AccuracyMeters);");
        w.Line("return position;");
        w.Close().Line();

        w.Open("public async Task<byte[]> RecordAsync(string userId, TimeSpan duration, CancellationToken cancellationToken)");
        if (!this.Plant(PlantedPattern.MicrophoneWithoutConsent, WithoutConsentRate))
        {
            w.Open("if (!await this.consent.HasConsentAsync(userId, \"voice\", cancellationToken))");
            w.Line("return Array.Empty<byte>();");
            w.Close().Line();
        }

        w.Open("if (this.microphone.IsRecording)");
        w.Line("await this.microphone.StopRecordingAsync(cancellationToken);");
        w.Close().Line();
        w.Line("this.microphone.StartRecording();");
        w.Line("await Task.Delay(duration, cancellationToken);");
        w.Line("return await this.microphone.StopRecordingAsync(cancellationToken);");
        w.Close();
        w.Close();
        this.Add("/corpus/" + module.Name + "/" + tracker + ".cs", w);
    }

    private void AddProgram()
    {
        var w = new CodeWriter();
        w.Line("using System;").Line("using Contoso.Identity;").Line("using Microsoft.AspNetCore.Builder;").Line("using Microsoft.AspNetCore.Identity;");
        w.Line("using Microsoft.Extensions.DependencyInjection;").Line("using Microsoft.Extensions.Hosting;").Line();
        w.Line("var builder = WebApplication.CreateBuilder(args);").Line();
        w.Line("builder.Services.AddControllers();");
        w.Line("builder.Services.AddAuthorization();");
        w.Line("builder.Services.AddIdentity<AppUser, IdentityRole>(options =>");
        w.Line("{");
        this.WriteIdentityOptions(w, "    options");
        w.Line("});").Line();
        foreach (var module in this.modules)
        {
            var ns = "global::Contoso." + module.Name + ".";
            w.Line("builder.Services.AddDbContext<" + ns + module.Context + ">();");
            foreach (var entity in module.Entities)
            {
                w.Line("builder.Services.AddScoped<" + ns + entity.Name + "Service>();");
            }

            if (module.HasIdentitySetup)
            {
                w.Line(ns + module.Name + "IdentitySetup.Add" + module.Name + "Identity(builder.Services);");
            }

            if (module.HasDeviceTracker)
            {
                w.Line("builder.Services.AddScoped<" + ns + module.Name + "DeviceTracker>();");
            }
        }

        w.Line().Line("var app = builder.Build();").Line();
        w.Line("app.UseAuthentication();").Line("app.UseAuthorization();").Line("app.MapControllers();");
        foreach (var module in this.modules)
        {
            w.Line("global::Contoso." + module.Name + "." + module.Name + "Endpoints.Map" + module.Name + "Endpoints(app);");
        }

        w.Line().Line("app.Run();");
        this.files.Insert(0, new CorpusFile("/corpus/Program.cs", w.ToString(), w.Lines));
    }

    private sealed class Module
    {
        public Module(string name) => this.Name = name;

        public string Name { get; }

        public string Context => this.Name + "DbContext";

        public List<Entity> Entities { get; } = new();

        public bool HasAccountController { get; set; }

        public bool HasIdentitySetup { get; set; }

        public bool HasDeviceTracker { get; set; }
    }

    private sealed class Entity
    {
        public Entity(string name, bool isRecording, List<(string Name, string Type, string Default)> properties)
        {
            this.Name = name;
            this.IsRecording = isRecording;
            this.Properties = properties;
        }

        public string Name { get; }

        public string Plural => CorpusGenerator.Plural(this.Name);

        public bool IsRecording { get; }

        /// <summary>The first property is always a string, the second an int.</summary>
        public List<(string Name, string Type, string Default)> Properties { get; }

        public (string Name, string Type, string Default) Text => this.Properties[0];

        public (string Name, string Type, string Default) Number => this.Properties[1];
    }
}
