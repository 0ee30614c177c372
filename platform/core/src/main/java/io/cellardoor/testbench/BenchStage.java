package io.cellardoor.testbench;

/**
 * One stage of the answer path in the test bench.
 *
 * @param stage the stage's name, as its timer and span are named ({@code guard}, {@code language}, {@code rewrite},
 *     {@code classify}, {@code retrieve}, {@code handle}, {@code rank}, {@code generate}, {@code cite})
 * @param output what it produced, in one line
 */
public record BenchStage(String stage, String output) {}
