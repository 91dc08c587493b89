using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using SafePrivacy;

namespace Forum;

/// <summary>Finds a member's avatar with the avatar service.</summary>
[Recipient("Avatars Ltd", Kind = RecipientKind.Processor, Reference = "DPA-2023-04")]
public sealed class AvatarLookup
{
    private readonly HttpClient _http;

    public AvatarLookup(HttpClient http) => _http = http;

    // The address travels in the request body, not in a URL that every proxy logs.
    public Task<HttpResponseMessage> FindAsync(Member member) =>
        _http.PostAsJsonAsync("https://avatars.example/lookup", new { member.Email });
}
