namespace Playout.Automation.Tests.Simulation;

/// <summary>One property the automation must keep, checked after every step of a simulated run.</summary>
internal interface ISimInvariant
{
    string Name { get; }

    /// <summary>The first way the run breaks it so far, or null.</summary>
    SimFailure? Check(SimState state);
}
