/**
 * AssertJ assertions for infrastructure tests, in canary words: {@code
 * RolloutKitAssertions.assertThat(stack)}, {@code (rollout)}, {@code (template)}, {@code
 * (scaledObject)} and {@code (report)}, with soft assertions in {@link
 * dev.rolloutkit.assertj.RolloutKitSoftAssertions}. Failure messages say what Argo or KEDA will do.
 */
package dev.rolloutkit.assertj;
