// RichardsInterface: the Richards OS-scheduler benchmark (idle, worker, handler and
// device tasks exchanging packets via task control blocks). Task behaviour is
// dispatched through an interface (ITask); the scheduler is reached through an
// interface (IScheduler) as well, so every cross-object call is an interface call.
// Usage: RichardsInterface.exe [iterations]   (each iteration = one full Richards run)
using System;

class Packet {
    public const int DataSize = 4;
    public Packet Link;
    public int Id;
    public int Kind;
    public int A1;
    public int[] A2;
    public Packet(Packet link, int id, int kind) {
        Link = link; Id = id; Kind = kind; A1 = 0; A2 = new int[DataSize];
    }
    public Packet AddTo(Packet queue) {
        Link = null;
        if (queue == null) return this;
        Packet p = queue;
        while (p.Link != null) p = p.Link;
        p.Link = this;
        return queue;
    }
}

interface ITask {
    Tcb Run(Packet p);
}

interface IScheduler {
    Tcb Release(int id);
    Tcb HoldCurrent();
    Tcb SuspendCurrent();
    Tcb Queue(Packet packet);
}

class Tcb {
    const int StateRunning = 0, StateRunnable = 1, StateSuspended = 2, StateHeld = 4;
    const int StateSuspendedRunnable = StateSuspended | StateRunnable;
    const int StateNotHeld = ~StateHeld;

    public Tcb Link;
    public int Id;
    public int Priority;
    public Packet Queue;
    public ITask Task;
    int state;

    public Tcb(Tcb link, int id, int priority, Packet queue, ITask task) {
        Link = link; Id = id; Priority = priority; Queue = queue; Task = task;
        state = queue == null ? StateSuspended : StateSuspendedRunnable;
    }
    public void SetRunning() { state = StateRunning; }
    public void MarkAsNotHeld() { state &= StateNotHeld; }
    public void MarkAsHeld() { state |= StateHeld; }
    public bool IsHeldOrSuspended() { return (state & StateHeld) != 0 || state == StateSuspended; }
    public void MarkAsSuspended() { state |= StateSuspended; }
    public void MarkAsRunnable() { state |= StateRunnable; }

    public Tcb Run() {
        Packet packet;
        if (state == StateSuspendedRunnable) {
            packet = Queue;
            Queue = packet.Link;
            state = Queue == null ? StateRunning : StateRunnable;
        } else {
            packet = null;
        }
        return Task.Run(packet);
    }

    public Tcb CheckPriorityAdd(Tcb task, Packet packet) {
        if (Queue == null) {
            Queue = packet;
            MarkAsRunnable();
            if (Priority > task.Priority) return this;
        } else {
            Queue = packet.AddTo(Queue);
        }
        return task;
    }
}

class Scheduler : IScheduler {
    public const int IdIdle = 0, IdWorker = 1, IdHandlerA = 2, IdHandlerB = 3, IdDevA = 4, IdDevB = 5;
    public const int NumberOfIds = 6;
    public const int KindDevice = 0, KindWork = 1;

    public int QueueCount;
    public int HoldCount;
    Tcb[] blocks = new Tcb[NumberOfIds];
    Tcb list;
    Tcb currentTcb;
    int currentId;

    public void AddIdleTask(int id, int priority, Packet queue, int count) {
        AddRunningTask(id, priority, queue, new IdleTask(this, 1, count));
    }
    public void AddWorkerTask(int id, int priority, Packet queue) {
        AddTask(id, priority, queue, new WorkerTask(this, IdHandlerA, 0));
    }
    public void AddHandlerTask(int id, int priority, Packet queue) {
        AddTask(id, priority, queue, new HandlerTask(this));
    }
    public void AddDeviceTask(int id, int priority, Packet queue) {
        AddTask(id, priority, queue, new DeviceTask(this));
    }
    void AddRunningTask(int id, int priority, Packet queue, ITask task) {
        AddTask(id, priority, queue, task);
        currentTcb.SetRunning();
    }
    void AddTask(int id, int priority, Packet queue, ITask task) {
        currentTcb = new Tcb(list, id, priority, queue, task);
        list = currentTcb;
        blocks[id] = currentTcb;
    }

    public void Schedule() {
        currentTcb = list;
        while (currentTcb != null) {
            if (currentTcb.IsHeldOrSuspended()) {
                currentTcb = currentTcb.Link;
            } else {
                currentId = currentTcb.Id;
                currentTcb = currentTcb.Run();
            }
        }
    }

    public Tcb Release(int id) {
        Tcb tcb = blocks[id];
        if (tcb == null) return tcb;
        tcb.MarkAsNotHeld();
        if (tcb.Priority > currentTcb.Priority) return tcb;
        return currentTcb;
    }
    public Tcb HoldCurrent() {
        HoldCount++;
        currentTcb.MarkAsHeld();
        return currentTcb.Link;
    }
    public Tcb SuspendCurrent() {
        currentTcb.MarkAsSuspended();
        return currentTcb;
    }
    public Tcb Queue(Packet packet) {
        Tcb t = blocks[packet.Id];
        if (t == null) return t;
        QueueCount++;
        packet.Link = null;
        packet.Id = currentId;
        return t.CheckPriorityAdd(currentTcb, packet);
    }
}

class IdleTask : ITask {
    IScheduler sched; int v1; int count;
    public IdleTask(Scheduler s, int v1, int count) { sched = s; this.v1 = v1; this.count = count; }
    public Tcb Run(Packet packet) {
        count--;
        if (count == 0) return sched.HoldCurrent();
        if ((v1 & 1) == 0) {
            v1 = v1 >> 1;
            return sched.Release(Scheduler.IdDevA);
        } else {
            v1 = (v1 >> 1) ^ 0xD008;
            return sched.Release(Scheduler.IdDevB);
        }
    }
}

class DeviceTask : ITask {
    IScheduler sched; Packet v1;
    public DeviceTask(Scheduler s) { sched = s; }
    public Tcb Run(Packet packet) {
        if (packet == null) {
            if (v1 == null) return sched.SuspendCurrent();
            Packet v = v1;
            v1 = null;
            return sched.Queue(v);
        }
        v1 = packet;
        return sched.HoldCurrent();
    }
}

class WorkerTask : ITask {
    IScheduler sched; int v1; int v2;
    public WorkerTask(Scheduler s, int v1, int v2) { sched = s; this.v1 = v1; this.v2 = v2; }
    public Tcb Run(Packet packet) {
        if (packet == null) return sched.SuspendCurrent();
        v1 = v1 == Scheduler.IdHandlerA ? Scheduler.IdHandlerB : Scheduler.IdHandlerA;
        packet.Id = v1;
        packet.A1 = 0;
        for (int i = 0; i < Packet.DataSize; i++) {
            v2++;
            if (v2 > 26) v2 = 1;
            packet.A2[i] = v2;
        }
        return sched.Queue(packet);
    }
}

class HandlerTask : ITask {
    IScheduler sched; Packet v1; Packet v2;
    public HandlerTask(Scheduler s) { sched = s; }
    public Tcb Run(Packet packet) {
        if (packet != null) {
            if (packet.Kind == Scheduler.KindWork) v1 = packet.AddTo(v1);
            else v2 = packet.AddTo(v2);
        }
        if (v1 != null) {
            int count = v1.A1;
            if (count < Packet.DataSize) {
                if (v2 != null) {
                    Packet v = v2;
                    v2 = v2.Link;
                    v.A1 = v1.A2[count];
                    v1.A1 = count + 1;
                    return sched.Queue(v);
                }
            } else {
                Packet v = v1;
                v1 = v1.Link;
                return sched.Queue(v);
            }
        }
        return sched.SuspendCurrent();
    }
}

static class RichardsInterface {
    const int Count = 10000;
    const int ExpectedQueueCount = 23246;
    const int ExpectedHoldCount = 9297;

    static long RunOnce() {
        Scheduler s = new Scheduler();
        s.AddIdleTask(Scheduler.IdIdle, 0, null, Count);

        Packet q = new Packet(null, Scheduler.IdWorker, Scheduler.KindWork);
        q = new Packet(q, Scheduler.IdWorker, Scheduler.KindWork);
        s.AddWorkerTask(Scheduler.IdWorker, 1000, q);

        q = new Packet(null, Scheduler.IdDevA, Scheduler.KindDevice);
        q = new Packet(q, Scheduler.IdDevA, Scheduler.KindDevice);
        q = new Packet(q, Scheduler.IdDevA, Scheduler.KindDevice);
        s.AddHandlerTask(Scheduler.IdHandlerA, 2000, q);

        q = new Packet(null, Scheduler.IdDevB, Scheduler.KindDevice);
        q = new Packet(q, Scheduler.IdDevB, Scheduler.KindDevice);
        q = new Packet(q, Scheduler.IdDevB, Scheduler.KindDevice);
        s.AddHandlerTask(Scheduler.IdHandlerB, 3000, q);

        s.AddDeviceTask(Scheduler.IdDevA, 4000, null);
        s.AddDeviceTask(Scheduler.IdDevB, 5000, null);

        s.Schedule();
        if (s.QueueCount != ExpectedQueueCount || s.HoldCount != ExpectedHoldCount) {
            Console.WriteLine("WRONG: queueCount=" + s.QueueCount + " holdCount=" + s.HoldCount);
            Environment.Exit(1);
        }
        return s.QueueCount * 31L + s.HoldCount;
    }

    static int Main(string[] args) {
        int iterations = args.Length > 0 ? int.Parse(args[0]) : 2000;
        long checksum = 0;
        for (int i = 0; i < iterations; i++) checksum += RunOnce();
        Console.WriteLine("RichardsInterface: iterations=" + iterations);
        Console.WriteLine("queueCount=" + ExpectedQueueCount + " holdCount=" + ExpectedHoldCount + " per run");
        Console.WriteLine("checksum=" + checksum);
        long expected = (long)iterations * (ExpectedQueueCount * 31L + ExpectedHoldCount);
        if (checksum != expected) { Console.WriteLine("WRONG"); Environment.Exit(1); }
        Console.WriteLine("OK");
        return 0;
    }
}
