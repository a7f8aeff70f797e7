// Command godotenv_bench times godotenv.Parse in-process, with the same
// measuring rule, options and output line as terwatch-bench-parse (see
// Benchmarks/ParseThroughput/MeasuringRule.swift and main.swift).
//
// Build offline with Debian's golang-go and golang-github-joho-godotenv-dev:
//
//	GOPATH=/usr/share/gocode GO111MODULE=off go build -o godotenv-bench godotenv_bench.go
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"sort"
	"syscall"
	"time"
	"unsafe"

	"github.com/joho/godotenv"
)

// useCPUClock selects CLOCK_PROCESS_CPUTIME_ID (all threads, the garbage collector's
// included) over the monotonic wall clock.
var useCPUClock bool

// processCPUSeconds reads CLOCK_PROCESS_CPUTIME_ID (2 on Linux).
func processCPUSeconds() float64 {
	var now syscall.Timespec
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, 2, uintptr(unsafe.Pointer(&now)), 0)
	return float64(now.Sec) + float64(now.Nsec)/1e9
}

func runOnce(data []byte) (float64, int) {
	started, cpuStarted := time.Now(), 0.0
	if useCPUClock {
		cpuStarted = processCPUSeconds()
	}
	values, err := godotenv.Parse(bytes.NewReader(data))
	seconds := time.Since(started).Seconds()
	if useCPUClock {
		seconds = processCPUSeconds() - cpuStarted
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "godotenv failed: %v\n", err)
		os.Exit(1)
	}
	return seconds, len(values)
}

// rule says when to stop warming up and timing, as MeasuringRule.swift does.
type rule struct {
	warmupSeconds, sliceSeconds, minSeconds, maxSeconds float64
	minIterations, maxIterations                        int
}

// measurement is one file's timed runs.
type measurement struct {
	samples  []float64
	keys     int
	timed    float64
	finished bool
}

// enough reports whether m has enough samples.
func (r rule) enough(m *measurement) bool {
	return (m.timed >= r.minSeconds && len(m.samples) >= r.minIterations) ||
		m.timed >= r.maxSeconds || len(m.samples) >= r.maxIterations
}

// measure warms each file up, then times the files in turns, a slice of runs each,
// round after round, until each has enough samples; a warm-up run longer than
// maxSeconds is that file's only sample.
func (r rule) measure(files [][]byte) []measurement {
	measurements := make([]measurement, len(files))
	for i, data := range files {
		for warmed := 0.0; warmed < r.warmupSeconds || warmed == 0; {
			seconds, keys := runOnce(data)
			if seconds > r.maxSeconds {
				measurements[i] = measurement{samples: []float64{seconds}, keys: keys, finished: true}
				break
			}
			warmed += seconds
		}
	}
	for unfinished := true; unfinished; {
		unfinished = false
		for i, data := range files {
			m := &measurements[i]
			for slice := 0.0; !m.finished && (slice == 0 || slice < r.sliceSeconds); {
				seconds, keys := runOnce(data)
				m.samples, m.keys = append(m.samples, seconds), keys
				slice, m.timed = slice+seconds, m.timed+seconds
				m.finished = r.enough(m)
			}
			unfinished = unfinished || !m.finished
		}
	}
	return measurements
}

func main() {
	var r rule
	flag.Float64Var(&r.warmupSeconds, "warmup-seconds", 0.2, "warm each file up this long (at least one run)")
	flag.Float64Var(&r.sliceSeconds, "slice-seconds", 0.02, "a file's turn lasts this long (at least one run)")
	flag.Float64Var(&r.minSeconds, "min-seconds", 0.5, "measure each file at least this long")
	flag.IntVar(&r.minIterations, "min-iterations", 5, "measure each file at least this many runs")
	flag.Float64Var(&r.maxSeconds, "max-seconds", 20, "stop measuring a file after this long")
	flag.IntVar(&r.maxIterations, "max-iterations", 100000, "never measure more runs of a file than this")
	clock := flag.String("clock", "monotonic", "time with 'monotonic' (wall) or 'cpu' (process CPU time)")
	flag.Parse()
	if *clock != "monotonic" && *clock != "cpu" {
		fmt.Fprintf(os.Stderr, "option '--clock' takes 'monotonic' or 'cpu', not '%s'\n", *clock)
		os.Exit(2)
	}
	useCPUClock = *clock == "cpu"
	var files [][]byte
	for _, path := range flag.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "cannot read '%s': %v\n", path, err)
			os.Exit(1)
		}
		files = append(files, data)
	}
	for i, m := range r.measure(files) {
		samples := m.samples
		sort.Float64s(samples)
		median := (samples[(len(samples)-1)/2] + samples[len(samples)/2]) / 2
		fmt.Printf("file=%s bytes=%d keys=%d iterations=%d median_s=%.9f mb_per_s=%.3f\n",
			flag.Arg(i), len(files[i]), m.keys, len(samples), median, float64(len(files[i]))/1e6/median)
	}
}
