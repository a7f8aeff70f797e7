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

// measure warms up, then samples runs; a warm-up run longer than maxSeconds is the only sample.
func measure(data []byte, warmupSeconds, minSeconds, maxSeconds float64, minIterations, maxIterations int) ([]float64, int) {
	warmed := 0.0
	for warmed < warmupSeconds || warmed == 0 {
		seconds, keys := runOnce(data)
		if seconds > maxSeconds {
			return []float64{seconds}, keys
		}
		warmed += seconds
	}
	var samples []float64
	keys, total := 0, 0.0
	for len(samples) == 0 || ((total < minSeconds || len(samples) < minIterations) &&
		total < maxSeconds && len(samples) < maxIterations) {
		seconds, n := runOnce(data)
		samples, keys, total = append(samples, seconds), n, total+seconds
	}
	return samples, keys
}

func main() {
	warmupSeconds := flag.Float64("warmup-seconds", 0.2, "warm up this long (at least one run)")
	minSeconds := flag.Float64("min-seconds", 0.5, "measure at least this long")
	minIterations := flag.Int("min-iterations", 5, "measure at least this many runs")
	maxSeconds := flag.Float64("max-seconds", 20, "stop measuring after this long")
	maxIterations := flag.Int("max-iterations", 100000, "never measure more runs than this")
	clock := flag.String("clock", "monotonic", "time with 'monotonic' (wall) or 'cpu' (process CPU time)")
	flag.Parse()
	if *clock != "monotonic" && *clock != "cpu" {
		fmt.Fprintf(os.Stderr, "option '--clock' takes 'monotonic' or 'cpu', not '%s'\n", *clock)
		os.Exit(2)
	}
	useCPUClock = *clock == "cpu"
	for _, path := range flag.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "cannot read '%s': %v\n", path, err)
			os.Exit(1)
		}
		samples, keys := measure(data, *warmupSeconds, *minSeconds, *maxSeconds, *minIterations, *maxIterations)
		sort.Float64s(samples)
		median := (samples[(len(samples)-1)/2] + samples[len(samples)/2]) / 2
		fmt.Printf("file=%s bytes=%d keys=%d iterations=%d median_s=%.9f mb_per_s=%.3f\n",
			path, len(data), keys, len(samples), median, float64(len(data))/1e6/median)
	}
}
