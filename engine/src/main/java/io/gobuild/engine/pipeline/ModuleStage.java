package io.gobuild.engine.pipeline;

/**
 * Starts reading the module's files while the toolchain is queried (see
 * {@link BuildContext#startReadingModule}). What the files say is read ahead only for the module's
 * first build with this cache home: later builds find their package lists by the fingerprint alone.
 */
final class ModuleStage implements Stage {
    @Override
    public String name() {
        return "module";
    }

    @Override
    public void run(BuildContext context) {
        context.startReadingModule(() -> !context.memo().holds(PackagesStage.slot(context)));
    }
}
