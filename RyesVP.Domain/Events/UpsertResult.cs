namespace RyesVP.Domain.Events;

public sealed record UpsertResult(int Created, int Updated, int Unchanged, IReadOnlyList<string> Errors)
{
    public int Total => Created + Updated + Unchanged;
}
