using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SafePrivacy.CodeFixes;

/// <summary>Inserted code uses the line endings the document already has.</summary>
internal static class LineEndings
{
    public static SyntaxTrivia Of(SyntaxNode root)
    {
        var existing = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? SyntaxFactory.EndOfLine(existing.ToString()) : SyntaxFactory.ElasticCarriageReturnLineFeed;
    }
}
