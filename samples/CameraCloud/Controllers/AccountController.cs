using CameraCloud.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CameraCloud.Controllers;

public sealed record LoginRequest(string Email, string Password, bool RememberMe);

[ApiController]
[Route("api/account")]
public class AccountController : ControllerBase
{
    private readonly SignInManager<CustomerAccount> signInManager;
    private readonly UserManager<CustomerAccount> userManager;

    public AccountController(SignInManager<CustomerAccount> signInManager, UserManager<CustomerAccount> userManager)
    {
        this.signInManager = signInManager;
        this.userManager = userManager;
    }

    /// <summary>Sign-in from the mobile app.</summary>
    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginRequest request)
    {
        var result = await signInManager.PasswordSignInAsync(
            request.Email,
            request.Password,
            request.RememberMe,
            lockoutOnFailure: false); // PRIV040: failed passwords are never counted

        return result.Succeeded ? Ok() : Unauthorized();
    }

    /// <summary>Re-authentication before a customer changes a camera's sharing settings: this one locks out.</summary>
    [HttpPost("confirm-password")]
    public async Task<IActionResult> ConfirmPassword(string password)
    {
        var account = await userManager.GetUserAsync(User);
        if (account is null)
        {
            return Unauthorized();
        }

        var result = await signInManager.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        return result.Succeeded ? Ok() : Unauthorized();
    }
}
