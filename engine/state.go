package engine

// State is where a job is on its way from queued to kept.
type State int

// The states a job moves through. Saved, Failed, Canceled and Skipped are
// final: a job ends in exactly one of them.
const (
	Queued State = iota
	Downloading
	Retrying
	WaitingToSave
	Saving
	Saved
	Failed
	Canceled
	Skipped
	// NumStates is the number of states, for arrays indexed by State.
	NumStates
)

var stateNames = [NumStates]string{
	Queued:        "Queued",
	Downloading:   "Downloading",
	Retrying:      "Retrying",
	WaitingToSave: "Waiting to save",
	Saving:        "Saving",
	Saved:         "Saved",
	Failed:        "Failed",
	Canceled:      "Canceled",
	Skipped:       "Skipped",
}

// String is the state in words a person reads in the table.
func (s State) String() string {
	if s < 0 || s >= NumStates {
		return "Unknown"
	}
	return stateNames[s]
}

// Final reports whether the job has ended.
func (s State) Final() bool { return s >= Saved && s < NumStates }

// active reports whether a worker may be moving bytes for the job right
// now, so its progress changes without a state change.
func (s State) active() bool { return s == Downloading || s == Saving }

// open reports whether the job is a page started and not finished, which
// the scheduler bounds (see openPages).
func (s State) open() bool { return s == Downloading || s == WaitingToSave || s == Saving }

// Phase is what the engine as a whole is doing.
type Phase int

// The engine's phases. A run goes Idle → Running (→ Draining) → Finished, or
// → Stopping → Stopped when stopped; a new Start begins the next run.
const (
	Idle Phase = iota
	Running
	Draining
	Stopping
	Stopped
	Finished
)

var phaseNames = [...]string{"Idle", "Running", "Draining", "Stopping", "Stopped", "Finished"}

// String is the phase in words.
func (p Phase) String() string {
	if p < 0 || int(p) >= len(phaseNames) {
		return "Unknown"
	}
	return phaseNames[p]
}

// Busy reports whether a run is under way (its pools have not exited).
func (p Phase) Busy() bool { return p == Running || p == Draining || p == Stopping }
