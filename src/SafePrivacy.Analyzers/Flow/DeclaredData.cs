using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Whether anything in a compilation is declared personal data at all, decided without binding a single body:
/// external annotations, a Compliance classification in reach, a referenced library built against the annotations,
/// or a source file that names one of the data attributes or ASP.NET Core Identity's user types (whose members
/// Identity annotates). A project that has SafePrivacy installed but has not annotated anything yet pays nothing
/// for the flow rules.
/// </summary>
internal static class DeclaredData
{
    // How the source attributes are written ([PersonalData], [ProtectedPersonalData], [SpecialCategoryData(…)] …),
    // and the Identity types through which its annotated users are reached (IdentityUser, IdentityDbContext, the
    // managers of a custom user type); a file that names none of them declares no personal data and reads none of
    // Identity's (a comment naming one only costs the full analysis).
    private static readonly string[] DataWords =
    {
        "PersonalData", "SpecialCategoryData", "CriminalOffenceData", "UserGeneratedContent",
        "IdentityUser", "IdentityDbContext", "UserManager", "SignInManager", "UserStore",
    };

    private const string ModerationActionWord = "ModerationAction";

    // Every word searched for, one bit each in a file's answer: the data words first, then the moderation action.
    private static readonly string[] Words = DataWords.Concat(new[] { ModerationActionWord }).ToArray();
    private static readonly int DataWordsMask = (1 << DataWords.Length) - 1;
    private static readonly int ModerationActionMask = 1 << DataWords.Length;

    // Per tree, so that in an IDE only edited files are searched again for each new compilation.
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<int>> MentionsByTree = new();

    public static bool MayExist(Compilation compilation, ExternalAnnotations external, AnnotationScope scope, CancellationToken cancellationToken)
    {
        return !external.IsEmpty
            || scope.ComplianceInReach
            || scope.AnnotatedLibraryReferenced(compilation)
            || SourceMentions(compilation, DataWordsMask, cancellationToken);
    }

    /// <summary>
    /// Whether any moderation action can be declared: a source file names <c>[ModerationAction]</c>, or a library
    /// built against the annotations is referenced. Without one, no call can be an automated ban.
    /// </summary>
    public static bool MayDeclareModerationActions(Compilation compilation, AnnotationScope scope, CancellationToken cancellationToken) =>
        scope.AnnotatedLibraryReferenced(compilation) || SourceMentions(compilation, ModerationActionMask, cancellationToken);

    private static bool SourceMentions(Compilation compilation, int words, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if ((MentionsByTree.GetValue(tree, t => new StrongBox<int>(Mentions(t, cancellationToken))).Value & words) != 0)
            {
                return true;
            }
        }

        return false;
    }

    // Which of the words the file's text contains, one bit each.
    private static int Mentions(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        var found = 0;
        for (var i = 0; i < Words.Length; i++)
        {
            if (text.IndexOf(Words[i], StringComparison.Ordinal) >= 0)
            {
                found |= 1 << i;
            }
        }

        return found;
    }
}
