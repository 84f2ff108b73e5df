using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.RecordingAccess;

/// <summary>The shared recording model: the name vocabulary, media types and extensions, attributes and options.</summary>
public sealed class RecordingModelTests
{
    [Theory]
    [InlineData("Recording")]
    [InlineData("Recordings")]
    [InlineData("CameraRecording")]
    [InlineData("DoorbellVideo")]
    [InlineData("VideoClip")]
    [InlineData("Clip")]
    [InlineData("Footage")]
    [InlineData("Audio")]
    [InlineData("VoiceNote")]
    [InlineData("VoiceMessage")]
    [InlineData("CameraSnapshot")]
    [InlineData("AudioFile")]
    [InlineData("RecordingEntity")]
    [InlineData("VideoDto")]
    public void RecordingNames_AreRecognized(string name) => Assert.True(RecordingModel.IsRecordingTypeName(name));

    [Theory]
    [InlineData("AuditRecord")]
    [InlineData("RecordType")]
    [InlineData("MedicalRecord")]
    [InlineData("VideoSettings")]
    [InlineData("RecordingService")]
    [InlineData("RecordingsController")]
    [InlineData("AudioOptions")]
    [InlineData("Snapshot")]
    [InlineData("ModelSnapshot")]
    [InlineData("Voice")]
    [InlineData("Record")]
    [InlineData("Clipboard")]
    [InlineData("FileStream")]
    public void LookAlikes_AreNotRecordings(string name) => Assert.False(RecordingModel.IsRecordingTypeName(name));

    [Theory]
    [InlineData("Video", true)]
    [InlineData("VideoPath", true)]
    [InlineData("RawAudioBytes", true)]
    [InlineData("RecordingBlobName", true)]
    [InlineData("VoiceData", true)]
    [InlineData("SnapshotUrl", true)]
    [InlineData("VideoSettings", false)]
    [InlineData("RecordingCount", false)]
    [InlineData("AudioEnabled", false)]
    [InlineData("Voice", false)]
    [InlineData("CameraName", false)]
    [InlineData("VideoThumbnailUrl", false)]
    public void MemberNames(string name, bool expected) => Assert.Equal(expected, RecordingModel.IsRecordingMemberName(name));

    [Theory]
    [InlineData("video/mp4", true)]
    [InlineData("AUDIO/mpeg", true)]
    [InlineData("application/pdf", false)]
    [InlineData("image/png", false)]
    [InlineData(null, false)]
    public void MediaContentTypes(string? contentType, bool expected) => Assert.Equal(expected, RecordingModel.IsMediaContentType(contentType));

    [Theory]
    [InlineData("clip.mp4", true)]
    [InlineData("/data/2026/voice.M4A", true)]
    [InlineData("https://cdn.example.com/v/1.webm?sig=abc", true)]
    [InlineData("invoice.pdf", false)]
    [InlineData("mp4", false)]
    [InlineData("", false)]
    public void MediaExtensions(string path, bool expected) => Assert.Equal(expected, RecordingModel.HasMediaExtension(path));

    [Fact]
    public void TypesAndMembers_ByAttributeNameAndOption()
    {
        var compilation = AnalyzerRunner.Compile("""
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class CustomerVideoAttribute : DataClassificationAttribute
            {
                public CustomerVideoAttribute() : base(new DataClassification("Privacy", "Video")) { }
            }

            public sealed class PersonalDataAttribute : DataClassificationAttribute
            {
                public PersonalDataAttribute() : base(new DataClassification("Privacy", "Personal")) { }
            }

            [CustomerVideo] public class Capture { public string BlobName { get; set; } = ""; public string Title { get; set; } = ""; }
            public class Upload { [CustomerVideo] public string Location { get; set; } = ""; public string Name { get; set; } = ""; }
            [PersonalData] public class Profile { }
            public class Asset { public string StoragePath { get; set; } = ""; }
            public class AuditRecord { public string FilePath { get; set; } = ""; }
            public class Recording { }
            public class DoorbellClip : Recording { }
            """);
        var type = (string name) => compilation.GetTypeByMetadataName(name)!;
        var plain = Model(compilation, "");
        var configured = Model(compilation, "dotnet_code_quality.Privacy.recording_types = T:Asset\ndotnet_code_quality.PRIV001.excluded_types = T:Recording");

        Assert.True(plain.IsRecordingType(type("Capture")));
        Assert.True(plain.IsRecordingType(type("Upload")));
        Assert.False(plain.IsRecordingType(type("Profile")));
        Assert.False(plain.IsRecordingType(type("Asset")));
        Assert.False(plain.IsRecordingType(type("AuditRecord")));
        Assert.True(plain.IsRecordingType(type("DoorbellClip")));
        Assert.True(plain.IsRecordingMember(type("Capture").GetMembers("BlobName").Single()));
        Assert.False(plain.IsRecordingMember(type("Capture").GetMembers("Title").Single()));
        Assert.True(plain.IsRecordingMember(type("Upload").GetMembers("Location").Single()));
        Assert.False(plain.IsRecordingMember(type("Upload").GetMembers("Name").Single()));
        Assert.False(plain.IsRecordingMember(type("AuditRecord").GetMembers("FilePath").Single()));

        Assert.True(configured.IsRecordingType(type("Asset")));
        Assert.True(configured.IsRecordingMember(type("Asset").GetMembers("StoragePath").Single()));
        Assert.False(configured.IsRecordingType(type("Recording")));
        Assert.False(configured.IsRecordingType(type("DoorbellClip")));
    }

    [Fact]
    public void CollectionsOfRecordings_GiveTheirElementType()
    {
        var compilation = AnalyzerRunner.Compile("""
            using System.Collections;
            using System.Collections.Generic;
            using System.Linq;

            public class Recording { }
            public struct VideoClip { public string VideoPath; }
            public class Invoice { }
            public class RecordingList : List<Recording> { }
            public class Outer<T> { public class Items : IEnumerable<T> { public IEnumerator<T> GetEnumerator() => null!; IEnumerator IEnumerable.GetEnumerator() => null!; } }
            public class Both : IEnumerable<Invoice>, IEnumerable<Recording>
            {
                IEnumerator<Invoice> IEnumerable<Invoice>.GetEnumerator() => null!;
                IEnumerator<Recording> IEnumerable<Recording>.GetEnumerator() => null!;
                IEnumerator IEnumerable.GetEnumerator() => null!;
            }
            public class Stamps<T> : IEnumerable<T?> where T : struct { public IEnumerator<T?> GetEnumerator() => null!; IEnumerator IEnumerable.GetEnumerator() => null!; }
            public class Holder
            {
                public List<Recording> A = null!;
                public IQueryable<Recording> B = null!;
                public Dictionary<int, Recording> C = null!;
                public Dictionary<int, Recording>.ValueCollection D = null!;
                public Outer<Recording>.Items E = null!;
                public List<Invoice> F = null!;
                public Recording[] G = null!;
                public string H = null!;
                public Stamps<VideoClip> I = null!;
            }
            """);
        var model = Model(compilation, "");
        var holder = compilation.GetTypeByMetadataName("Holder")!;
        string? Element(ITypeSymbol type) => model.GetRecordingElementType(type)?.ToDisplayString();
        string? FieldElement(string name) => Element(((IFieldSymbol)holder.GetMembers(name).Single()).Type);

        Assert.Equal("Recording", FieldElement("A"));
        Assert.Equal("Recording", FieldElement("B"));
        Assert.Null(FieldElement("C"));
        Assert.Equal("Recording", FieldElement("D"));
        Assert.Equal("Recording", FieldElement("E"));
        Assert.Null(FieldElement("F"));
        Assert.Equal("Recording", FieldElement("G"));
        Assert.Null(FieldElement("H"));
        Assert.Equal("VideoClip?", FieldElement("I"));
        Assert.Equal("Recording", Element(compilation.GetTypeByMetadataName("RecordingList")!));
        Assert.Equal("Recording", Element(compilation.GetTypeByMetadataName("Both")!));
    }

    private static RecordingModel Model(Compilation compilation, string editorConfig)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigOptionsProvider(editorConfig));
        return RecordingModel.For(compilation, options, DiagnosticIds.AnonymousRecordingDownload, compilation.SyntaxTrees.First());
    }

    private sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options options;

        public ConfigOptionsProvider(string lines) => this.options = new Options(lines);

        public override AnalyzerConfigOptions GlobalOptions => this.options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => this.options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> values;

            public Options(string lines) => this.values = lines.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('=', 2))
                .ToImmutableDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => this.values.TryGetValue(key, out value);
        }
    }
}
