using System.Threading.Tasks;
using Xunit;
using Analyzer = PrivacyAnalyzers.Consent.GeolocationWithoutConsentAnalyzer;

namespace PrivacyAnalyzers.Tests.Consent;

/// <summary>PRIV020 on a server: MaxMind GeoIP2 lookups of a web client's address.</summary>
public sealed class IpGeolocationTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using System.Net;
        using System.Threading.Tasks;
        using MaxMind.GeoIP2;
        using MaxMind.GeoIP2.Responses;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public interface IVisitorConsents
        {
            Task<bool> HasLocationConsentAsync(string visitorId);
        }

        """;

    private static Task VerifyAsync(string source, string? editorConfig = null) =>
        ConsentTest.VerifyAsync<Analyzer>(Usings + source, editorConfig);

    [Fact]
    public async Task ControllerLookingUpTheRemoteIpAddress_IsFlagged_UnlessConsentIsChecked()
    {
        await VerifyAsync("""
            [ApiController]
            [Route("api/visits")]
            public class VisitsController : ControllerBase
            {
                private readonly IGeoIP2DatabaseReader reader;
                private readonly DatabaseReader concrete;
                private readonly IVisitorConsents consents;

                public VisitsController(IGeoIP2DatabaseReader reader, DatabaseReader concrete, IVisitorConsents consents)
                {
                    this.reader = reader;
                    this.concrete = concrete;
                    this.consents = consents;
                }

                [HttpPost]
                public IActionResult Record()
                {
                    var city = {|PRIV020:reader.City(HttpContext.Connection.RemoteIpAddress!)|};
                    var ip = HttpContext.Connection.RemoteIpAddress;
                    if ({|PRIV020:concrete.TryCity(ip!, out var response)|})
                    {
                        return Ok(response!.City.Name);
                    }

                    var enterprise = {|PRIV020:concrete.Enterprise(ip!.ToString())|};
                    return Ok(city.Location.Latitude);
                }

                [HttpPost("consented")]
                public async Task<IActionResult> RecordWithConsent(string visitorId)
                {
                    if (!await consents.HasLocationConsentAsync(visitorId))
                    {
                        return Forbid();
                    }

                    var city = reader.City(HttpContext.Connection.RemoteIpAddress!);
                    return Ok(city.City.Name);
                }

                [HttpGet("country")]
                public IActionResult Country()
                {
                    // Country-level lookups are coarse: not precise geolocation.
                    var country = reader.Country(HttpContext.Connection.RemoteIpAddress!);
                    var asn = reader.Asn(HttpContext.Connection.RemoteIpAddress!);
                    return Ok(country.Country.IsoCode);
                }
            }
            """);
    }

    [Fact]
    public async Task ForwardedForHeaders_AndEndpointParameters_AreClientAddresses()
    {
        await VerifyAsync("""
            public class LookupController : ControllerBase
            {
                private readonly IGeoIP2DatabaseReader reader;
                public LookupController(IGeoIP2DatabaseReader reader) => this.reader = reader;

                public IActionResult Forwarded()
                {
                    var forwarded = Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim();
                    var city = {|PRIV020:reader.City(IPAddress.Parse(forwarded))|};
                    var real = {|PRIV020:reader.City(Request.Headers["x-real-ip"].FirstOrDefault()!)|};
                    var other = reader.City(Request.Headers["X-Request-Id"].ToString());
                    return Ok();
                }

                public IActionResult ByParameter(string ip) => Ok({|PRIV020:reader.City(ip)|});

                [NonAction]
                public CityResponse Helper(string ip) => reader.City(ip);

                private CityResponse PrivateHelper(string ip) => reader.City(ip);
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/where/{ip}", (string ip, IGeoIP2DatabaseReader reader) => {|PRIV020:reader.City(ip)|}.City.Name);
                    app.MapGet("/me", (HttpContext context, IGeoIP2WebServicesClient client) => {|PRIV020:client.CityAsync(context.Connection.RemoteIpAddress!)|});
                    app.MapGet("/insights", async (HttpContext context, WebServiceClient client) => (await {|PRIV020:client.InsightsAsync(context.Connection.RemoteIpAddress!.MapToIPv4())|}).City.Name);
                }
            }
            """);
    }

    [Fact]
    public async Task LookupsOfOtherAddresses_AreNotFlagged()
    {
        await VerifyAsync("""
            public class Maintenance
            {
                public void Warm(IGeoIP2DatabaseReader reader, WebServiceClient client, string configuredAddress)
                {
                    reader.City("81.2.69.142");
                    reader.City(configuredAddress);
                    client.City();
                    client.Insights();
                    reader.TryCity(IPAddress.Loopback, out _);
                }
            }
            """);
    }
}
