using Microsoft.Azure.Functions.Worker;
using RyesVP.Domain.Ticketmaster;

namespace RyesVP.Orchestration.Ticketmaster;

public sealed class TicketmasterActivities(TmDownloadStep download, TmMatchStep match)
{
    [Function(nameof(PlanTmDownload))]
    public TmDownloadPlan PlanTmDownload([ActivityTrigger] PlanTmDownloadInput input) => download.Plan(input.AsOf, input.Months);

    [Function(nameof(DownloadTmVenue))]
    public Task<TmVenueResult> DownloadTmVenue([ActivityTrigger] TmVenueWindow input, CancellationToken ct) =>
        download.DownloadVenueAsync(input, ct);

    [Function(nameof(PlanTmMatch))]
    public Task<TmMatchPlan> PlanTmMatch([ActivityTrigger] PlanTmMatchInput input, CancellationToken ct) =>
        match.PlanAsync(input.AsOf, input.Force, input.Limit, ct);

    [Function(nameof(MatchTmBatch))]
    public Task<TmBatchResult> MatchTmBatch([ActivityTrigger] TmMatchBatch input, CancellationToken ct) =>
        match.RunBatchAsync(input, ct);
}
