using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PrivacyAnalyzers.Corpus;

/// <summary>
/// Inputs shaped to break an analyzer that is not linear or not defensive: one enormous method, deeply nested
/// lambdas, thousands of endpoints in one file, and a generated file. Each plants sign-ins without lockout
/// (<see cref="PlantedPattern.SignInWithoutLockout"/>) at a fixed rate, through a local where that makes a naive
/// data-flow check quadratic. <c>scale</c> 1 gives the sizes the robustness tests use; the benchmark also runs a
/// smaller scale to check that time grows in proportion.
/// </summary>
public sealed class PathologicalInput
{
    private PathologicalInput(string name, int size, string unit, IReadOnlyList<CorpusFile> files, int signInsWithoutLockout, bool generated)
    {
        this.Name = name;
        this.Size = size;
        this.Unit = unit;
        this.Files = files;
        this.SignInsWithoutLockout = signInsWithoutLockout;
        this.IsGenerated = generated;
    }

    public string Name { get; }

    /// <summary>How big, in <see cref="Unit"/>: the quantity time should be proportional to.</summary>
    public int Size { get; }

    public string Unit { get; }

    public IReadOnlyList<CorpusFile> Files { get; }

    public int Lines => this.Files.Sum(f => f.Lines);

    /// <summary>Sign-ins with lockout off that an analyzer of generated code would see.</summary>
    public int SignInsWithoutLockout { get; }

    /// <summary>The input is generated code (analyzers configured not to analyze it should report nothing).</summary>
    public bool IsGenerated { get; }

    public static IReadOnlyList<PathologicalInput> All(double scale = 1.0) => new[]
    {
        LongMethod(Scaled(20_000, scale)),
        NestedLambdas(Scaled(120, scale)),
        ManyEndpoints(Scaled(5_000, scale)),
        GeneratedFile(Scaled(4_000, scale)),
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
        return new PathologicalInput("20,000-line method", lines, "lines", new[] { new CorpusFile("/pathological/LongMethod.cs", w.ToString(), w.Lines) }, planted, generated: false);
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
        return new PathologicalInput("deeply nested lambdas", depth, "levels", new[] { new CorpusFile("/pathological/NestedLambdas.cs", w.ToString(), w.Lines) }, depth, generated: false);
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
        return new PathologicalInput("5,000 endpoints in one file", count, "endpoints", new[] { new CorpusFile("/pathological/ManyEndpoints.cs", w.ToString(), w.Lines) }, planted, generated: false);
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

        return new PathologicalInput("generated file", lines, "lines", new[] { new CorpusFile("/pathological/Client.g.cs", w.ToString(), w.Lines) }, planted, generated: true);
    }
}
