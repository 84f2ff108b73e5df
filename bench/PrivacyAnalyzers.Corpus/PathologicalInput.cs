using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PrivacyAnalyzers.Corpus;

/// <summary>
/// Inputs shaped to break an analyzer that is not linear or not defensive: one enormous method, deeply nested
/// lambdas, thousands of endpoints in one file, a generated file, long methods that log thousands of locals or read
/// the location thousands of times, and a class with thousands of lockout fields. Each plants one pattern at a fixed rate (sign-ins without lockout,
/// coordinates written to a log, location reads without consent), through a local or among thousands of guarded
/// ones where that makes a naive analysis quadratic. <c>scale</c> 1 gives the sizes the robustness tests use; the
/// benchmark also runs a smaller scale to check that time grows in proportion.
/// </summary>
public sealed class PathologicalInput
{
    private PathologicalInput(string name, int size, string unit, IReadOnlyList<CorpusFile> files, string pattern, int planted, bool generated = false)
    {
        this.Name = name;
        this.Size = size;
        this.Unit = unit;
        this.Files = files;
        this.Pattern = pattern;
        this.PlantedCount = planted;
        this.IsGenerated = generated;
    }

    public string Name { get; }

    /// <summary>How big, in <see cref="Unit"/>: the quantity time should be proportional to.</summary>
    public int Size { get; }

    public string Unit { get; }

    public IReadOnlyList<CorpusFile> Files { get; }

    public int Lines => this.Files.Sum(f => f.Lines);

    /// <summary>The <see cref="PlantedPattern"/> planted.</summary>
    public string Pattern { get; }

    /// <summary>How many times <see cref="Pattern"/> is planted, as an analyzer of generated code would see it.</summary>
    public int PlantedCount { get; }

    /// <summary>What the analyzers should report, by <see cref="PlantedPattern"/>: nothing in generated code.</summary>
    public IReadOnlyDictionary<string, int> Planted => new Dictionary<string, int> { [this.Pattern] = this.IsGenerated ? 0 : this.PlantedCount };

    /// <summary>The input is generated code (analyzers configured not to analyze it should report nothing).</summary>
    public bool IsGenerated { get; }

    public static IReadOnlyList<PathologicalInput> All(double scale = 1.0) => new[]
    {
        LongMethod(Scaled(20_000, scale)),
        NestedLambdas(Scaled(120, scale)),
        ManyEndpoints(Scaled(5_000, scale)),
        GeneratedFile(Scaled(4_000, scale)),
        LoggedLocals(Scaled(10_000, scale)),
        LocationReads(Scaled(4_000, scale)),
        LockoutFields(Scaled(2_000, scale)),
    };

    private static int Scaled(int size, double scale) => System.Math.Max(1, (int)(size * scale));

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Usings(CodeWriter w)
    {
        w.Line("using System;").Line("using System.Collections.Generic;").Line("using System.Threading.Tasks;");
        w.Line("using Microsoft.AspNetCore.Builder;").Line("using Microsoft.AspNetCore.Http;").Line("using Microsoft.AspNetCore.Identity;");
        w.Line("using Microsoft.AspNetCore.Routing;").Line();
    }

    /// <summary>One method of <paramref name="lines"/> statements; every 100th is a sign-in through the same local.</summary>
    public static PathologicalInput LongMethod(int lines)
    {
        var w = new CodeWriter();
        Usings(w);
        w.Line("namespace Pathological;").Line();
        w.Open("public static class LongMethod");
        w.Open("public static async Task<int> Run(SignInManager<IdentityUser> signIn, IdentityOptions options, List<int> values)");
        w.Line("var lockout = false;");
        w.Line("var total = 0;");
        w.Line("var text = string.Empty;");
        var planted = 0;
        for (var i = 0; i < lines; i++)
        {
            switch (i % 100)
            {
                case 0:
                    w.Line("await signIn.PasswordSignInAsync(\"user" + Int(i) + "\", text, false, lockout);");
                    planted++;
                    break;
                case 50:
                    w.Line("options.Lockout.MaxFailedAccessAttempts = " + Int(i % 7 + 3) + ";");
                    break;
                default:
                    w.Line((i % 4) switch
                    {
                        0 => "total += " + Int(i) + " * values.Count;",
                        1 => "if (total > " + Int(i) + ") { total -= " + Int(i % 13) + "; }",
                        2 => "text = total % 3 == 0 ? text : \"t" + Int(i) + "\";",
                        _ => "values.Add(total ^ " + Int(i) + ");",
                    });
                    break;
            }
        }

        w.Line("return total + text.Length;");
        w.Close();
        w.Close();
        return new PathologicalInput("20,000-line method", lines, "lines", new[] { new CorpusFile("/pathological/LongMethod.cs", w.ToString(), w.Lines) }, PlantedPattern.SignInWithoutLockout, planted);
    }

    /// <summary>
    /// One method of <paramref name="lines"/> statements, each pair a local and a log call that writes it; every tenth
    /// local is a coordinate. An analyzer that walks the method again for each local it follows is quadratic here.
    /// </summary>
    public static PathologicalInput LoggedLocals(int lines)
    {
        var w = new CodeWriter();
        Usings(w);
        w.Line("using Microsoft.Extensions.Logging;").Line();
        w.Line("namespace Pathological;").Line();
        w.Open("public sealed class Visit");
        w.Line("public string UserId { get; set; } = string.Empty;").Line();
        w.Line("public double Latitude { get; set; }").Line();
        w.Line("public double Longitude { get; set; }");
        w.Close().Line();
        w.Open("public static class LoggedLocals");
        w.Open("public static void Run(ILogger logger, Visit visit)");
        var planted = 0;
        for (var i = 0; i < lines / 2; i++)
        {
            if (i % 10 == 0)
            {
                w.Line("var v" + Int(i) + " = visit.Latitude;");
                planted++;
            }
            else
            {
                w.Line("var v" + Int(i) + " = \"n" + Int(i) + "\";");
            }

            w.Line("logger.LogInformation(\"{Value}\", v" + Int(i) + ");");
        }

        w.Close();
        w.Close();
        return new PathologicalInput("10,000-line method logging locals", lines, "lines", new[] { new CorpusFile("/pathological/LoggedLocals.cs", w.ToString(), w.Lines) }, PlantedPattern.LocationLogged, planted);
    }

    /// <summary>
    /// One method of <paramref name="lines"/> lines reading the device's location thousands of times, nine in ten under
    /// a consent check; against a stand-in for MAUI's <c>Geolocation</c> (the tests' stubs declare the same names).
    /// An analyzer that searches the function's control-flow graph again for each read is quadratic here.
    /// </summary>
    public static PathologicalInput LocationReads(int lines)
    {
        var w = new CodeWriter();
        w.Line("using System;").Line("using System.Threading.Tasks;").Line("using Microsoft.Maui.Devices.Sensors;").Line();
        w.Line("namespace Pathological;").Line();
        w.Open("public interface IParentalConsents");
        w.Line("bool HasConsent(Guid childId);");
        w.Close().Line();
        w.Open("public static class LocationReads");
        w.Open("public static async Task<double> Run(IParentalConsents consents, Guid child)");
        w.Line("var total = 0.0;");
        var planted = 0;
        for (var i = 0; i < lines / 2; i++)
        {
            var local = "l" + Int(i);
            if (i % 10 == 0)
            {
                w.Line("var " + local + " = await Geolocation.GetLocationAsync();");
                w.Line("total += " + local + "?.Latitude ?? 0;");
                planted++;
            }
            else
            {
                w.Line("if (consents.HasConsent(child)) { var " + local + " = await Geolocation.GetLocationAsync(); total += " + local + "?.Latitude ?? 0; }");
                w.Line("total += " + Int(i % 7) + ";");
            }
        }

        w.Line("return total;");
        w.Close();
        w.Close();

        var maui = new CodeWriter();
        maui.Line("using System.Threading.Tasks;").Line();
        maui.Line("namespace Microsoft.Maui.Devices.Sensors;").Line();
        maui.Open("public class Location");
        maui.Line("public double Latitude { get; set; }").Line();
        maui.Line("public double Longitude { get; set; }");
        maui.Close().Line();
        maui.Open("public static class Geolocation");
        maui.Line("public static Task<Location?> GetLocationAsync() => Task.FromResult<Location?>(null);");
        maui.Close();

        var files = new[]
        {
            new CorpusFile("/pathological/LocationReads.cs", w.ToString(), w.Lines),
            new CorpusFile("/pathological/MauiStandIn.cs", maui.ToString(), maui.Lines),
        };
        return new PathologicalInput("4,000-line method reading locations", lines, "lines", files, PlantedPattern.LocationWithoutConsent, planted);
    }

    /// <summary>
    /// One class with <paramref name="count"/> private bool fields, each only ever false and passed as
    /// <c>lockoutOnFailure</c> by a method of its own. An analyzer that scans the class again for each field's writes
    /// is quadratic here.
    /// </summary>
    public static PathologicalInput LockoutFields(int count)
    {
        var w = new CodeWriter();
        Usings(w);
        w.Line("namespace Pathological;").Line();
        w.Open("public sealed class LockoutFields");
        for (var i = 0; i < count; i++)
        {
            w.Line("private static readonly bool lockout" + Int(i) + " = false;");
        }

        for (var i = 0; i < count; i++)
        {
            w.Line();
            w.Line("public async Task<bool> SignIn" + Int(i) + "(SignInManager<IdentityUser> signIn, string user, string password) =>");
            w.Line("    (await signIn.PasswordSignInAsync(user, password, false, lockout" + Int(i) + ")).Succeeded;");
        }

        w.Close();
        return new PathologicalInput("2,000 lockout fields in one class", count, "fields", new[] { new CorpusFile("/pathological/LockoutFields.cs", w.ToString(), w.Lines) }, PlantedPattern.SignInWithoutLockout, count);
    }

    /// <summary>Lambdas nested <paramref name="depth"/> deep; each level signs in through a local of the outermost one.</summary>
    public static PathologicalInput NestedLambdas(int depth)
    {
        var w = new CodeWriter();
        Usings(w);
        w.Line("namespace Pathological;").Line();
        w.Open("public static class NestedLambdas");
        w.Open("public static async Task<int> Run(SignInManager<IdentityUser> signIn, IdentityUser user)");
        w.Line("var lockout = false;");
        for (var level = 0; level < depth; level++)
        {
            var a = "a" + Int(level);
            w.Open("Func<int, Task<int>> f" + Int(level) + " = async " + a + " =>");
            w.Line("var r" + Int(level) + " = await signIn.CheckPasswordSignInAsync(user, \"p" + Int(level) + "\", lockout);");
            w.Line("if (r" + Int(level) + ".Succeeded) { return " + a + "; }");
        }

        w.Line("return 0;");
        for (var level = depth - 1; level >= 0; level--)
        {
            w.Close(";");
            w.Line(level == 0 ? "return await f0(1);" : "return await f" + Int(level) + "(a" + Int(level - 1) + " + 1);");
        }

        w.Close();
        w.Close();
        return new PathologicalInput("deeply nested lambdas", depth, "levels", new[] { new CorpusFile("/pathological/NestedLambdas.cs", w.ToString(), w.Lines) }, PlantedPattern.SignInWithoutLockout, depth);
    }

    /// <summary>One file mapping <paramref name="count"/> minimal-API endpoints; every 10th signs in without lockout, through a field.</summary>
    public static PathologicalInput ManyEndpoints(int count)
    {
        var w = new CodeWriter();
        Usings(w);
        w.Line("namespace Pathological;").Line();
        w.Open("public static class ManyEndpoints");
        w.Line("private static readonly bool LockoutOnFailure = false;").Line();
        w.Open("public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)");
        var planted = 0;
        for (var i = 0; i < count; i++)
        {
            var route = "\"/e" + Int(i);
            switch (i % 10)
            {
                case 0:
                    w.Line("app.MapPost(" + route + "/login\", async (SignInManager<IdentityUser> signIn, string user, string password) =>");
                    w.Line("    (await signIn.PasswordSignInAsync(user, password, false, lockoutOnFailure: LockoutOnFailure)).Succeeded ? Results.Ok() : Results.Unauthorized());");
                    planted++;
                    break;
                case 1:
                case 2:
                case 3:
                    w.Line("app.MapGet(" + route + "/{id:int}\", (int id) => Results.Ok(id + " + Int(i) + "));");
                    break;
                case 4:
                    w.Line("app.MapDelete(" + route + "/{id:int}\", (int id, HttpContext context) => context.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.Forbid());");
                    break;
                default:
                    w.Line("app.MapPut(" + route + "/{name}\", (string name) => Results.Text(name + \"" + Int(i) + "\"));");
                    break;
            }
        }

        w.Line("return app;");
        w.Close();
        w.Close();
        return new PathologicalInput("5,000 endpoints in one file", count, "endpoints", new[] { new CorpusFile("/pathological/ManyEndpoints.cs", w.ToString(), w.Lines) }, PlantedPattern.SignInWithoutLockout, planted);
    }

    /// <summary>A generated file (<c>&lt;auto-generated&gt;</c> header, .g.cs name) full of patterns.</summary>
    public static PathologicalInput GeneratedFile(int lines)
    {
        var w = new CodeWriter();
        w.Line("// <auto-generated>").Line("//     This code was generated by a tool.").Line("// </auto-generated>");
        Usings(w);
        w.Line("namespace Pathological.Generated;").Line();
        var planted = 0;
        var index = 0;
        while (w.Lines < lines)
        {
            w.Open("public sealed partial class GeneratedClient" + Int(index));
            w.Open("public async Task<bool> SignIn(SignInManager<IdentityUser> signIn, IdentityOptions options, string user, string password)");
            w.Line("options.Lockout.MaxFailedAccessAttempts = 1000;");
            w.Line("options.Password.RequiredLength = 1;");
            w.Line("var result = await signIn.PasswordSignInAsync(user, password, false, lockoutOnFailure: false);");
            w.Line("return result.Succeeded;");
            w.Close();
            w.Close().Line();
            planted++;
            index++;
        }

        return new PathologicalInput("generated file", lines, "lines", new[] { new CorpusFile("/pathological/Client.g.cs", w.ToString(), w.Lines) }, PlantedPattern.SignInWithoutLockout, planted, generated: true);
    }
}
