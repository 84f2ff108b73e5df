using MaxMind.GeoIP2;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CameraCloud.Controllers;

/// <summary>The account's security page lists where recent sign-ins came from.</summary>
[ApiController]
[Authorize]
[Route("api/sign-in-activity")]
public class SignInActivityController : ControllerBase
{
    private readonly IGeoIP2DatabaseReader geoIp;
    private readonly ILogger<SignInActivityController> logger;

    public SignInActivityController(IGeoIP2DatabaseReader geoIp, ILogger<SignInActivityController> logger)
    {
        this.geoIp = geoIp;
        this.logger = logger;
    }

    /// <summary>Called by the apps right after a successful sign-in.</summary>
    [HttpPost]
    public IActionResult Record()
    {
        var address = HttpContext.Connection.RemoteIpAddress;
        if (address is null)
        {
            return NoContent();
        }

        // Country-level: coarse enough for the "new country" alert.
        var country = geoIp.Country(address);
        var city = geoIp.City(address); // PRIV020: every sign-in is geolocated to a city (with coordinates) without the customer's consent
        logger.LogInformation("Sign-in from {City}, {Country}", city.City.Name, country.Country.IsoCode);
        return Ok(new { City = city.City.Name, Country = country.Country.Name });
    }
}
