package com.mediassist.models;

import java.util.Random;

/**
 * The order in which SGD visits the training examples: every index once per epoch, reshuffled
 * from the trainer's seeded {@link Random} so that training stays reproducible.
 */
final class ExampleOrder {

    private ExampleOrder() {
    }

    /** @return {@code 0, 1, …, size - 1} */
    static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * Fisher–Yates shuffle in place, drawing {@code rnd.nextInt(i + 1)} for {@code i} from the last
     * index down to 1, so a given seed always gives the same sequence of orders.
     */
    static void shuffle(int[] order, Random rnd) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
