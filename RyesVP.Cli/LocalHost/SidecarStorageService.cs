using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask.Testing.Sidecar.Dispatcher;

namespace RyesVP.Cli.LocalHost;

/// <summary>
/// The Azure Storage provider as the gRPC sidecar sees it, with one correction: the sidecar records a
/// sub-orchestration start as its own GrpcSubOrchestrationInstanceCreatedEvent, which is not a data contract, so the
/// provider wrote a History row without an EventType and the parent orchestration could never be loaded again.
/// Such events are turned back into the plain DurableTask.Core event before they are persisted.
/// Everything else is forwarded unchanged.
/// </summary>
internal sealed class SidecarStorageService(AzureStorageOrchestrationService inner)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient, IDisposable
{
    public AzureStorageOrchestrationService Inner => inner;

    public void Dispose() => inner.Dispose();

    internal static void Normalise(OrchestrationRuntimeState? state)
    {
        if (state is null)
        {
            return;
        }

        Replace(state.Events);
        Replace(state.NewEvents);
    }

    private static void Replace(IList<HistoryEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is GrpcSubOrchestrationInstanceCreatedEvent grpc)
            {
                events[i] = new SubOrchestrationInstanceCreatedEvent(grpc.EventId)
                {
                    Name = grpc.Name,
                    Version = grpc.Version,
                    InstanceId = grpc.InstanceId,
                    Input = grpc.Input,
                    Timestamp = grpc.Timestamp,
                    IsPlayed = grpc.IsPlayed,
                    ClientSpanId = grpc.ClientSpanId,
                };
            }
        }
    }

    // IOrchestrationService
    public int TaskOrchestrationDispatcherCount => ((IOrchestrationService)inner).TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => ((IOrchestrationService)inner).MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => ((IOrchestrationService)inner).EventBehaviourForContinueAsNew;
    public int TaskActivityDispatcherCount => ((IOrchestrationService)inner).TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => ((IOrchestrationService)inner).MaxConcurrentTaskActivityWorkItems;
    public Task StartAsync() => ((IOrchestrationService)inner).StartAsync();
    public Task StopAsync() => ((IOrchestrationService)inner).StopAsync();
    public Task StopAsync(bool isForced) => ((IOrchestrationService)inner).StopAsync(isForced);
    public Task CreateAsync() => ((IOrchestrationService)inner).CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => ((IOrchestrationService)inner).CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => ((IOrchestrationService)inner).CreateIfNotExistsAsync();
    public Task DeleteAsync() => ((IOrchestrationService)inner).DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => ((IOrchestrationService)inner).DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => ((IOrchestrationService)inner).IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => ((IOrchestrationService)inner).GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => ((IOrchestrationService)inner).GetDelayInSecondsAfterOnFetchException(exception);
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) => ((IOrchestrationService)inner).LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => ((IOrchestrationService)inner).RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        Normalise(workItem.OrchestrationRuntimeState);
        Normalise(newOrchestrationRuntimeState);
        return ((IOrchestrationService)inner).CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => ((IOrchestrationService)inner).AbandonTaskOrchestrationWorkItemAsync(workItem);
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => ((IOrchestrationService)inner).ReleaseTaskOrchestrationWorkItemAsync(workItem);
    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) => ((IOrchestrationService)inner).LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => ((IOrchestrationService)inner).RenewTaskActivityWorkItemLockAsync(workItem);
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) => ((IOrchestrationService)inner).CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => ((IOrchestrationService)inner).AbandonTaskActivityWorkItemAsync(workItem);
    // IOrchestrationServiceClient
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => ((IOrchestrationServiceClient)inner).CreateTaskOrchestrationAsync(creationMessage);
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) => ((IOrchestrationServiceClient)inner).CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => ((IOrchestrationServiceClient)inner).SendTaskOrchestrationMessageAsync(message);
    public Task SendTaskOrchestrationMessageBatchAsync(TaskMessage[] messages) => ((IOrchestrationServiceClient)inner).SendTaskOrchestrationMessageBatchAsync(messages);
    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) => ((IOrchestrationServiceClient)inner).WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => ((IOrchestrationServiceClient)inner).ForceTerminateTaskOrchestrationAsync(instanceId, reason);
    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) => ((IOrchestrationServiceClient)inner).GetOrchestrationStateAsync(instanceId, allExecutions);
    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) => ((IOrchestrationServiceClient)inner).GetOrchestrationStateAsync(instanceId, executionId);
    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => ((IOrchestrationServiceClient)inner).GetOrchestrationHistoryAsync(instanceId, executionId);
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) => ((IOrchestrationServiceClient)inner).PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);
    // IOrchestrationServiceQueryClient
    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) => ((IOrchestrationServiceQueryClient)inner).GetOrchestrationWithQueryAsync(query, cancellationToken);
    // IOrchestrationServicePurgeClient
    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => ((IOrchestrationServicePurgeClient)inner).PurgeInstanceStateAsync(instanceId);
    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => ((IOrchestrationServicePurgeClient)inner).PurgeInstanceStateAsync(purgeInstanceFilter);
}
