using System.Text;
using BenchmarkDotNet.Attributes;
using GovernanceBot.Domain.Commands;

namespace GovernanceBot.Benchmarks;

/// <summary><see cref="CommandParser.Parse"/> of a 10 KB comment: prose, a list, a quote, code and a table around two votes.</summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string _body = "";

    [GlobalSetup]
    public void Setup()
    {
        const string Block = """
            Some thoughts on the proposal, with **emphasis**, `code` and a link to https://example.com/rfc.

            - /vote +1 in a list is not a vote
            - a second item

            > /vote -1 quoted is not a vote either

            ```
            /vote 0 in code
            ```

            | a | b |
            |---|---|
            | /vote +1 | 2 |


            """;
        var sb = new StringBuilder("/vote -1 I have concerns.\nThey run to the next command.\n\n");
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < 10_000 - 20) sb.Append(Block);
        sb.Append("/vote +1 changed my mind");
        _body = sb.ToString();
        if (CommandParser.Parse(_body).Count != 2) throw new InvalidOperationException("the comment should hold two votes");
    }

    [Benchmark]
    public IReadOnlyList<Command> Parse() => CommandParser.Parse(_body);
}
