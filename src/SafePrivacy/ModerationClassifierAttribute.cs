using System;

namespace SafePrivacy;

/// <summary>
/// Marks a method, class or interface that receives content to classify: an in-house model or a vendor API.
/// </summary>
/// <remarks>
/// Read by SP5002 (the classifier is given the content, not the person: data minimisation), SP1002 and SP1003
/// (special category and criminal offence data given to it needs a condition), and SP4001 (a classifier whose
/// implementation lives outside the compilation is another party and needs a <see cref="RecipientAttribute"/>).
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Interface, Inherited = true, AllowMultiple = false)]
public sealed class ModerationClassifierAttribute : Attribute
{
}
