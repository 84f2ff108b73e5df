using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = PrivacyAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    PrivacyAnalyzers.RecordingAccess.UnauditedRecordingAccessAnalyzer>;

namespace PrivacyAnalyzers.Tests.RecordingAccess;

/// <summary>PRIV004: recording access is not audited (opt-in).</summary>
public sealed class UnauditedRecordingAccessTests
{
    private const string Enabled = "dotnet_diagnostic.PRIV004.severity = suggestion";

    private const string AuditConfigured = Enabled + "\ndotnet_code_quality.PRIV004.audit_methods = M:IAccessLog.Record";

    private const string Source = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class Recording
        {
            public Guid Id { get; set; }
            public string FilePath { get; set; } = "";
        }

        public interface IAccessLog { void Record(string who, Guid recording); Task RecordAsync(Guid recording); }

        public class RecordingsController : ControllerBase
        {
            private readonly IAccessLog log;
            public RecordingsController(IAccessLog log) => this.log = log;

            public IActionResult {|#0:Audited|}(Recording recording)
            {
                log.Record(User.Identity!.Name!, recording.Id);
                return PhysicalFile(recording.FilePath, "video/mp4");
            }

            public IActionResult {|#1:SometimesAudited|}(Recording recording, bool preview)
            {
                if (!preview)
                {
                    log.Record(User.Identity!.Name!, recording.Id);
                }

                return PhysicalFile(recording.FilePath, "video/mp4");
            }

            public IActionResult {|#2:AuditedAfter|}(Recording recording)
            {
                var result = PhysicalFile(recording.FilePath, "video/mp4");
                log.Record(User.Identity!.Name!, recording.Id);
                return result;
            }

            public IActionResult Invoice(byte[] pdf) => File(pdf, "application/pdf");
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.{|#3:MapGet("/r/{id}", (Guid id, IAccessLog log) => Results.File($"/clips/{id}.mp4"))|};
            }
        }
        """;

    [Fact]
    public async Task DisabledByDefault_InfoOnceEnabled()
    {
        // The verifier reports every diagnostic; a host honours the descriptor's default, as the runner here does.
        var plain = Source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("{|#3:", string.Empty).Replace("|}", string.Empty);
        var result = await AnalyzerRunner.RunAsync(
            AnalyzerRunner.Compile(plain),
            ImmutableArray.Create<DiagnosticAnalyzer>(new PrivacyAnalyzers.RecordingAccess.UnauditedRecordingAccessAnalyzer()));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Exceptions);
        Assert.False(Descriptors.UnauditedRecordingAccess.IsEnabledByDefault);
        Assert.Equal(DiagnosticSeverity.Info, Descriptors.UnauditedRecordingAccess.DefaultSeverity);
    }

    [Fact]
    public async Task WithoutAuditMethods_EveryRecordingDownloadIsReported()
    {
        await Verify.VerifyAnalyzerAsync(
            Source,
            Enabled,
            Verify.Diagnostic().WithLocation(0).WithArguments("Audited"),
            Verify.Diagnostic().WithLocation(1).WithArguments("SometimesAudited"),
            Verify.Diagnostic().WithLocation(2).WithArguments("AuditedAfter"),
            Verify.Diagnostic().WithLocation(3).WithArguments("MapGet(\"/r/{id}\")"));
    }

    [Fact]
    public async Task AuditBeforeTheContentOnEveryPath_IsRequired()
    {
        await Verify.VerifyAnalyzerAsync(
            Source,
            AuditConfigured,
            Verify.Diagnostic().WithLocation(1).WithArguments("SometimesAudited"),
            Verify.Diagnostic().WithLocation(2).WithArguments("AuditedAfter"),
            Verify.Diagnostic().WithLocation(3).WithArguments("MapGet(\"/r/{id}\")"));
    }
}
