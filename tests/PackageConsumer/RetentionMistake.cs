using SafePrivacy;

namespace PackageConsumer;

// SP1004: "90 days" is not an ISO 8601 duration.
[Retention("90 days")]
public sealed class Appeal
{
}
