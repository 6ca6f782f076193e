/**
 * Statistics for judging stochastic agents by rates instead of anecdotes: proportions with Wilson
 * score intervals ({@link dev.alignunit.stats.Proportion}), pass^k and pass@k ({@link
 * dev.alignunit.stats.PassK}), Fisher's exact test ({@link dev.alignunit.stats.FisherExact}), the
 * rate of a sample set with its per-sample outcomes ({@link dev.alignunit.stats.Rate}), and
 * baselines: the stored counts of earlier runs ({@link dev.alignunit.stats.BaselineFile}) and the
 * regression test against them ({@link dev.alignunit.stats.BaselineComparison}).
 *
 * <p>Pure computation and file handling; knows nothing of models, agents or JUnit.
 */
package dev.alignunit.stats;
