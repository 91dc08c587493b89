using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// How long the analyzers spend on each member (and each file, and the compilation as a whole): every action an
/// analyzer registers is wrapped with a timer charged to the symbol, tree or compilation it runs for. Work one member
/// triggers lazily for others (a helper's summary, the call graph) is charged to it — that is the latency the IDE sees
/// when that member is analysed.
/// </summary>
internal sealed class MemberTimer
{
    /// <summary>One member's time in one run, and how many lines it has (0 for the compilation-wide steps).</summary>
    public sealed record TimedMember(string Name, double Milliseconds, int Lines);

    private readonly ConcurrentDictionary<object, long> _ticks = new(new KeyComparer());

    /// <summary>The analyzers, each wrapped so that its actions are timed here.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Wrap(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        analyzers.Select(a => (DiagnosticAnalyzer)new TimedAnalyzer(a, this)).ToImmutableArray();

    /// <summary>The <paramref name="count"/> slowest members, files or compilation-wide steps, slowest first, with their line counts.</summary>
    public List<TimedMember> Top(int count) =>
        _ticks.OrderByDescending(p => p.Value).Take(count).Select(p => new TimedMember(Describe(p.Key), p.Value * 1000.0 / Stopwatch.Frequency, Lines(p.Key))).ToList();

    /// <summary>The analyzer's type name, seen through the timing wrapper.</summary>
    public static string NameOf(DiagnosticAnalyzer analyzer) => analyzer is TimedAnalyzer timed ? timed.Name : analyzer.GetType().Name;

    // A member's lines: the span of each of its declarations (a partial method's two parts, a property's accessors' owner).
    private static int Lines(object key) => key switch
    {
        INamespaceSymbol => 0,
        ISymbol symbol => symbol.DeclaringSyntaxReferences.Sum(r => r.SyntaxTree.GetLineSpan(r.Span).EndLinePosition.Line - r.SyntaxTree.GetLineSpan(r.Span).StartLinePosition.Line + 1),
        SyntaxTree tree => tree.GetText().Lines.Count,
        _ => 0,
    };

    private static string Describe(object key) => key switch
    {
        ISymbol symbol => symbol.ToDisplayString(),
        SyntaxTree tree => "file " + System.IO.Path.GetFileName(tree.FilePath),
        string text => text,
        _ => key.ToString() ?? "?",
    };

    private void Charge(object key, long start) =>
        _ticks.AddOrUpdate(key, Stopwatch.GetTimestamp() - start, (_, total) => total + Stopwatch.GetTimestamp() - start);

    private Action<T> Timed<T>(Action<T> action, Func<T, object> key) => context =>
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            action(context);
        }
        finally
        {
            Charge(key(context), start);
        }
    };

    private const string CompilationKey = "(compilation start and end actions)";

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) =>
            x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }

    private sealed class TimedAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer _inner;
        private readonly MemberTimer _timer;

        public TimedAnalyzer(DiagnosticAnalyzer inner, MemberTimer timer)
        {
            _inner = inner;
            _timer = timer;
            SupportedDiagnostics = inner.SupportedDiagnostics;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public override void Initialize(AnalysisContext context) => _inner.Initialize(new TimedAnalysisContext(context, _timer));

        public string Name => _inner.GetType().Name;
    }

    private sealed class TimedAnalysisContext : AnalysisContext
    {
        private readonly AnalysisContext _context;
        private readonly MemberTimer _timer;

        public TimedAnalysisContext(AnalysisContext context, MemberTimer timer)
        {
            _context = context;
            _timer = timer;
        }

        public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _context.RegisterCompilationStartAction(_timer.Timed<CompilationStartAnalysisContext>(c => action(new TimedCompilationStartContext(c, _timer)), _ => CompilationKey));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) =>
            _context.RegisterCompilationAction(_timer.Timed(action, _ => CompilationKey));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            _context.RegisterSemanticModelAction(_timer.Timed(action, c => c.SemanticModel.SyntaxTree));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _context.RegisterSymbolAction(_timer.Timed(action, c => c.Symbol), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _context.RegisterCodeBlockStartAction(_timer.Timed(action, c => c.OwningSymbol));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            _context.RegisterCodeBlockAction(_timer.Timed(action, c => c.OwningSymbol));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            _context.RegisterSyntaxTreeAction(_timer.Timed(action, c => c.Tree));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
            _context.RegisterAdditionalFileAction(_timer.Timed(action, c => c.AdditionalFile.Path));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _context.RegisterSyntaxNodeAction(_timer.Timed(action, c => (object?)c.ContainingSymbol ?? c.Node.SyntaxTree), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _context.RegisterOperationAction(_timer.Timed(action, c => c.ContainingSymbol), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            _context.RegisterOperationBlockStartAction(_timer.Timed(action, c => c.OwningSymbol));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            _context.RegisterOperationBlockAction(_timer.Timed(action, c => c.OwningSymbol));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            _context.RegisterSymbolStartAction(_timer.Timed(action, c => c.Symbol), symbolKind);
    }

    private sealed class TimedCompilationStartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _context;
        private readonly MemberTimer _timer;

        public TimedCompilationStartContext(CompilationStartAnalysisContext context, MemberTimer timer)
            : base(context.Compilation, context.Options, context.CancellationToken)
        {
            _context = context;
            _timer = timer;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            _context.RegisterCompilationEndAction(_timer.Timed(action, _ => CompilationKey));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            _context.RegisterSemanticModelAction(_timer.Timed(action, c => c.SemanticModel.SyntaxTree));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _context.RegisterSymbolAction(_timer.Timed(action, c => c.Symbol), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            _context.RegisterSymbolStartAction(_timer.Timed(action, c => c.Symbol), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _context.RegisterCodeBlockStartAction(_timer.Timed(action, c => c.OwningSymbol));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            _context.RegisterCodeBlockAction(_timer.Timed(action, c => c.OwningSymbol));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            _context.RegisterSyntaxTreeAction(_timer.Timed(action, c => c.Tree));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
            _context.RegisterAdditionalFileAction(_timer.Timed(action, c => c.AdditionalFile.Path));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _context.RegisterSyntaxNodeAction(_timer.Timed(action, c => (object?)c.ContainingSymbol ?? c.Node.SyntaxTree), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _context.RegisterOperationAction(_timer.Timed(action, c => c.ContainingSymbol), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            _context.RegisterOperationBlockStartAction(_timer.Timed(action, c => c.OwningSymbol));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            _context.RegisterOperationBlockAction(_timer.Timed(action, c => c.OwningSymbol));
    }
}
